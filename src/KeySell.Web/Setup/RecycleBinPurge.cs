using KeySell.Application.RecycleBin;

namespace KeySell.Web.Setup;

/// <summary>Purges the recycle bin of what has waited there 30 days, every hour.</summary>
public sealed class RecycleBinPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<RecycleBinPurge> log)
    : HourlyUpkeep(scopes, time, log, "system:recycle-bin", "Purging the recycle bin")
{
    protected override async Task RunAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        var purged = await services.GetRequiredService<PurgeRecycleBin.Handler>().Handle(new PurgeRecycleBin.Command(), ct);
        if (purged.Opportunities + purged.People + purged.Accounts > 0)
            log.LogInformation("Purged from the recycle bin: {Opportunities} opportunities, {People} people, {Accounts} accounts", purged.Opportunities, purged.People, purged.Accounts);
    }
}
