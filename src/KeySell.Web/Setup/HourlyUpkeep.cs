namespace KeySell.Web.Setup;

/// <summary>
/// Upkeep that runs every hour on every app server, as the operator named <paramref name="actor"/>. Each job must be
/// safe to run on several servers at once (deleting what another server already deleted deletes nothing); a failed run
/// is logged and the next hour tries again.
/// </summary>
public abstract class HourlyUpkeep(IServiceScopeFactory scopes, TimeProvider time, ILogger log, string actor, string what) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>One run, in a scope of its own acting as the operator.</summary>
    protected abstract Task RunAsync(IServiceProvider services, ILogger log, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WebActor>().ActAsOperator(actor);
                await RunAsync(scope.ServiceProvider, log, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{What} failed; the next run tries again", what);
            }
        }
    }
}
