using KeySell.Application.Retries;

namespace KeySell.Web.Setup;

/// <summary>
/// Forgets <c>Idempotency-Key</c>s older than 24 hours, with their stored answers, every hour;
/// several servers may do it at once (a key another server deleted is simply gone).
/// </summary>
public sealed class IdempotencyKeyPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyKeyPurge> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WebActor>().ActAsOperator("system:idempotency-keys");
                var purged = await scope.ServiceProvider.GetRequiredService<PurgeIdempotencyKeys.Handler>().Handle(new PurgeIdempotencyKeys.Command(), stoppingToken);
                if (purged > 0) log.LogInformation("Forgot {Count} idempotency keys older than 24 hours", purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Purging idempotency keys failed; the next run tries again");
            }
        }
    }
}
