using OrderProcessing.Commands;

// `dotnet run --project samples/OrderProcessing` runs the demo; `-- help` lists the other commands.
return await CommandRunner.RunAsync(args);
