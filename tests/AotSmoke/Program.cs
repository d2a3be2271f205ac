using Swf.Generators.Tests.Samples;
using Swf.LocalEngine;

// Runs one generated workflow on the in-process engine and prints its typed result.
using var engine = new LocalSwfEngine(new LocalSwfEngineOptions { TimeProvider = TimeProvider.System });
using var runner = new SampleRunner(engine, TimeProvider.System);
await runner.RegisterAsync();
var receipt = await runner.RunOrderAsync("aot-1", 99.95m, "native");
Console.WriteLine($"receipt {receipt.OrderId} {receipt.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {receipt.ApprovedBy}");
return receipt == new Receipt("aot-1", 99.95m, "native") ? 0 : 1;
