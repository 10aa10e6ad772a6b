using BenchmarkDotNet.Running;
using KeySell.Benchmarks.Sheets;

// dotnet run -c Release --project bench/KeySell.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/KeySell.Benchmarks -- stj-lines FILE > /dev/null   (the yardstick of analyze --jsonl)
if (args is ["stj-lines", var file]) return PlainJsonLines.Run(file);
// dotnet run -c Release --project bench/KeySell.Benchmarks -- home DIR [DEALS]   (Home for one seller owning DEALS deals, default 4878)
if (args is ["home", var directory, ..]) return await KeySell.Benchmarks.Home.HomeRun.RunAsync(directory, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4878);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
