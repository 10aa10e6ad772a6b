using KeySell.Application.Analysis;
using KeySell.Application.Data;

namespace KeySell.Web.Setup;

/// <summary>
/// Keeps the stored analysis summaries true to the calendar: the date rules (<c>stale</c>,
/// <c>new-player</c>) change with the day alone, so shortly after start (catching up whatever was
/// judged before today, with other thresholds, or never) and then just after each local midnight,
/// every open deal whose summary is outdated is judged again, a batch at a time. Of several app
/// servers only the one that takes the database lock (<see cref="StartupLock.TryAcquireStoredAnalysisAsync"/>)
/// runs it; the others skip that run rather than repeat a million judgements.
/// </summary>
public sealed class StoredAnalysisRefresh(IServiceScopeFactory scopes, TimeProvider time, ILogger<StoredAnalysisRefresh> log) : BackgroundService
{
    /// <summary>Lets start-up (migrations, seeding, the first requests) finish first.</summary>
    private static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(AfterStart, time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WebActor>().ActAsOperator("system:analysis");
                // One server does the run; the others find the lock taken and wait for the next day.
                await using var held = await StartupLock.TryAcquireStoredAnalysisAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
                if (held is null)
                {
                    log.LogInformation("Another server is refreshing the stored analyses; this one skips today's run");
                }
                else
                {
                    var started = time.GetTimestamp();
                    var judged = await scope.ServiceProvider.GetRequiredService<RefreshStoredAnalyses.Handler>()
                        .Handle(new RefreshStoredAnalyses.Command(OutdatedOnly: true), stoppingToken);
                    if (judged > 0)
                        log.LogInformation("Judged {Count} open opportunities again for today's stored analysis in {Seconds:0.0} s",
                            judged, time.GetElapsedTime(started).TotalSeconds);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Refreshing the stored analyses failed; the next run tries again");
            }
            await Task.Delay(UntilAfterMidnight(), time, stoppingToken);
        }
    }

    private TimeSpan UntilAfterMidnight()
    {
        var now = time.GetLocalNow();
        var next = new DateTimeOffset(now.Date.AddDays(1), now.Offset).AddMinutes(1);
        return next - now;
    }
}
