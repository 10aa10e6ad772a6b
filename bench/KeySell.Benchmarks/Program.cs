using BenchmarkDotNet.Running;
using KeySell.Benchmarks.Sheets;

// dotnet run -c Release --project bench/KeySell.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/KeySell.Benchmarks -- stj-lines FILE > /dev/null   (the yardstick of analyze --jsonl)
// dotnet run -c Release --project bench/KeySell.Benchmarks -- crm-file accounts|contacts|opportunities ROWS FILE [ACCOUNTS]   (input for keysell import)
if (args is ["stj-lines", var file]) return PlainJsonLines.Run(file);
if (args is ["crm-file", var kind, var rows, var path, ..var rest])
    return KeySell.Benchmarks.Imports.CrmExportFile.Run(kind, long.Parse(rows), path, rest is [var accounts] ? long.Parse(accounts) : long.Parse(rows));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
