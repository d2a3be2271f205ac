using Swf.LocalServer;

return await LocalServerCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
