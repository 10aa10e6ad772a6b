using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Quotas;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Quotas;

/// <summary>The default win rates as <c>GET/PUT /api/settings/win-rates</c> show them.</summary>
public sealed record WinRateSettings(decimal Above, decimal In, decimal BestFew)
{
    public static WinRateSettings Of(WinRates rates) => new(rates.Above, rates.In, rates.BestFew);
}

public static class DefaultWinRates
{
    /// <summary>
    /// The team's default rates, used for a level until the team has enough closed deals that
    /// reached it. A new database has no settings row yet: the contract's 0.10, 0.25 and 0.60 then.
    /// </summary>
    public static async Task<WinRates> ReadDefaultWinRatesAsync(this AppDbContext db, CancellationToken ct) =>
        await db.TeamSettings.AsNoTracking().Select(s => new WinRates(s.WinRateAbove, s.WinRateIn, s.WinRateBestFew)).FirstOrDefaultAsync(ct)
        ?? new WinRates(TeamSettings.DefaultWinRateAbove, TeamSettings.DefaultWinRateIn, TeamSettings.DefaultWinRateBestFew);
}

public static class GetWinRateSettings
{
    public sealed record Query;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<WinRateSettings>> Handle(Query query, CancellationToken ct) =>
            WinRateSettings.Of(await db.ReadDefaultWinRatesAsync(ct));
    }
}

/// <summary>
/// Replaces the default win rates (admins only). Each is a chance: above 0, at most 1, with at most
/// four decimal places (what is stored). The first save adds the settings row.
/// </summary>
public static class SaveWinRateSettings
{
    public const int MaxDecimals = 4;

    public sealed record Command(decimal? Above, decimal? In, decimal? BestFew);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<WinRateSettings>> Handle(Command command, CancellationToken ct)
        {
            if (!db.CallerIsAdmin) return Error.Forbidden(Messages.Format("Access.AdminOnly"));
            var validation = new Validation();
            Check("above", command.Above);
            Check("in", command.In);
            Check("bestFew", command.BestFew);
            if (validation.HasErrors) return validation.ToError();

            var settings = await db.TeamSettings.SingleOrDefaultAsync(ct);
            if (settings is null) db.TeamSettings.Add(settings = new TeamSettings());
            settings.WinRateAbove = command.Above!.Value;
            settings.WinRateIn = command.In!.Value;
            settings.WinRateBestFew = command.BestFew!.Value;
            await db.SaveChangesAsync(ct);
            return WinRateSettings.Of(await db.ReadDefaultWinRatesAsync(ct));

            void Check(string field, decimal? rate)
            {
                if (rate is not { } r) validation.Add(field, Messages.Format("Required"));
                else if (!WinRates.IsValid(r) || decimal.Round(r, MaxDecimals) != r) validation.Add(field, Messages.Format("Quota.WinRate", MaxDecimals));
            }
        }
    }
}
