using Swf.Cli;

return await Cli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
