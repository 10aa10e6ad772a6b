using BenchmarkDotNet.Running;
using KeySell.Benchmarks.Sheets;

// dotnet run -c Release --project bench/KeySell.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/KeySell.Benchmarks -- stj-lines FILE > /dev/null   (the yardstick of analyze --jsonl)
// dotnet run -c Release --project bench/KeySell.Benchmarks -- crm-file accounts|contacts|opportunities ROWS FILE [ACCOUNTS]   (input for keysell import)
if (args is ["stj-lines", var file]) return PlainJsonLines.Run(file);
// dotnet run -c Release --project bench/KeySell.Benchmarks -- home DIR [DEALS]   (Home for one seller owning DEALS deals, default 4878)
if (args is ["home", var directory, ..]) return await KeySell.Benchmarks.Home.HomeRun.RunAsync(directory, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4878);
// dotnet run -c Release --project bench/KeySell.Benchmarks -- coverage FILE   (coverage of the busiest sellers of a generated database; a copy: it is migrated and written)
if (args is ["coverage", var database]) return await KeySell.Benchmarks.Quotas.CoverageRun.RunAsync(database);
// dotnet run -c Release --project bench/KeySell.Benchmarks -- funnel DIR [RUNS]   (funnel summary vs the plain GROUP BY on DIR/keysell.db)
if (args is ["funnel", var funnelDirectory, ..])
    return await KeySell.Benchmarks.Funnel.FunnelRun.RunAsync(funnelDirectory, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15);
// dotnet run -c Release --project bench/KeySell.Benchmarks -- work-queue DIR [RUNS]   (the work queue's first page per scope, in-process, on a migrated DIR/keysell.db)
if (args is ["work-queue", var queueDirectory, ..])
    return await KeySell.Benchmarks.Funnel.WorkQueueRun.RunAsync(queueDirectory, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50);
// dotnet run -c Release --project bench/KeySell.Benchmarks -- recompute DIR   (the daily stored-analysis run on a COPY of DIR/keysell.db)
if (args is ["recompute", var recomputeDirectory]) return await KeySell.Benchmarks.Analysis.RecomputeRun.RunAsync(recomputeDirectory);
// dotnet run -c Release --project bench/KeySell.Benchmarks -- recompute DIR N (only the first N open deals dated yesterday: a shorter run)
if (args is ["recompute", var limitedDirectory, var recomputeLimit]) return await KeySell.Benchmarks.Analysis.RecomputeRun.RunAsync(limitedDirectory, int.Parse(recomputeLimit, System.Globalization.CultureInfo.InvariantCulture));
// dotnet run -c Release --project bench/KeySell.Benchmarks -- team-review FILE   (the team review on a copy of a generated SQLite database)
if (args is ["team-review", var reviewDatabase]) return await KeySell.Benchmarks.Reviews.TeamReviewRun.RunAsync(reviewDatabase);
// dotnet run -c Release --project bench/KeySell.Benchmarks -- learning FILE [RUNS]   (self-checks, drill, progress as the busiest seller and an admin; a COPY: migrated and written)
if (args is ["learning", var learningDatabase, ..])
    return await KeySell.Benchmarks.Learning.LearningRun.RunAsync(learningDatabase, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
if (args is ["crm-file", var kind, var rows, var path, ..var rest])
    return KeySell.Benchmarks.Imports.CrmExportFile.Run(kind, long.Parse(rows), path, rest is [var accounts] ? long.Parse(accounts) : long.Parse(rows));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
