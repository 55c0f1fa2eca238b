Console.Error.WriteLine("PciCloud local stack: not built yet (see issue 7).");
return 1;
