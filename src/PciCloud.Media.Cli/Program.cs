Console.Error.WriteLine("usage: pcicloud-media detect|mask|synth|bench ...");
return 2;
