using KeySell.Application.RecycleBin;

namespace KeySell.Web.Setup;

/// <summary>
/// Purges the recycle bin of what has waited there 30 days, an hour after start and then every
/// hour; several app servers may do it at once, since a purge of what is gone deletes nothing.
/// </summary>
public sealed class RecycleBinPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<RecycleBinPurge> log) : BackgroundService
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
                scope.ServiceProvider.GetRequiredService<WebActor>().ActAsOperator("system:recycle-bin");
                var purged = await scope.ServiceProvider.GetRequiredService<PurgeRecycleBin.Handler>().Handle(new PurgeRecycleBin.Command(), stoppingToken);
                if (purged.Opportunities + purged.People + purged.Accounts > 0)
                    log.LogInformation("Purged from the recycle bin: {Opportunities} opportunities, {People} people, {Accounts} accounts", purged.Opportunities, purged.People, purged.Accounts);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Purging the recycle bin failed; the next run tries again");
            }
        }
    }
}
