using KeySell.Application.Retries;

namespace KeySell.Web.Setup;

/// <summary>Forgets <c>Idempotency-Key</c>s older than 24 hours, with their stored answers, every hour.</summary>
public sealed class IdempotencyKeyPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyKeyPurge> log)
    : HourlyUpkeep(scopes, time, log, "system:idempotency-keys", "Purging idempotency keys")
{
    protected override async Task RunAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        var purged = await services.GetRequiredService<PurgeIdempotencyKeys.Handler>().Handle(new PurgeIdempotencyKeys.Command(), ct);
        if (purged > 0) log.LogInformation("Forgot {Count} idempotency keys older than 24 hours", purged);
    }
}
