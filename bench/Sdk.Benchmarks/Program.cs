using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Swf.Benchmarks.HistoryParseBenchmarks).Assembly).Run(args);
