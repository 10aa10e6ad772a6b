using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/KeySell.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
