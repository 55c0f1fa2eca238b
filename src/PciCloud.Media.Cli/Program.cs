using PciCloud.Media.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);
