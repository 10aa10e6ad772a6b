using KeySell.Application.Analysis;

namespace KeySell.Web.Setup;

/// <summary>
/// Keeps the stored analysis summaries true to the calendar: the date rules (<c>stale</c>,
/// <c>new-player</c>) change with the day alone, so shortly after start (catching up whatever was
/// judged before today, with other thresholds, or never) and then just after each local midnight,
/// every open deal whose summary is outdated is judged again, a batch at a time. Several app
/// servers may run it at once: each rewrites a summary with the same values.
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
                var judged = await scope.ServiceProvider.GetRequiredService<RefreshStoredAnalyses.Handler>()
                    .Handle(new RefreshStoredAnalyses.Command(OutdatedOnly: true), stoppingToken);
                if (judged > 0) log.LogInformation("Judged {Count} open opportunities again for today's stored analysis", judged);
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
