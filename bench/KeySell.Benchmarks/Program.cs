using BenchmarkDotNet.Running;
using KeySell.Benchmarks.Sheets;

// dotnet run -c Release --project bench/KeySell.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/KeySell.Benchmarks -- stj-lines FILE > /dev/null   (the yardstick of analyze --jsonl)
if (args is ["stj-lines", var file]) return PlainJsonLines.Run(file);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
