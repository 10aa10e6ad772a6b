using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Money;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Money;

/// <summary>The team's base currency and rate table as the API shows them; the base currency is listed with rate 1.</summary>
public sealed record MoneySettings(string BaseCurrency, IReadOnlyList<MoneySettings.Rate> Rates)
{
    public sealed record Rate(string Currency, decimal RateToBase);

    public static MoneySettings Of(ExchangeRates rates) =>
        new(rates.BaseCurrency, [.. rates.Rates.OrderBy(r => r.Key != rates.BaseCurrency).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new Rate(r.Key, r.Value))]);
}

public static class ExchangeRateTable
{
    /// <summary>
    /// The team's rates, read once per use case: a handful of rows, converted in memory after the
    /// database has summed amounts per currency (Σ amount × rate = rate × Σ amount).
    /// </summary>
    public static async Task<ExchangeRates> ReadExchangeRatesAsync(this AppDbContext db, CancellationToken ct)
    {
        var baseCurrency = await db.TeamSettings.AsNoTracking().Select(s => s.BaseCurrency).FirstOrDefaultAsync(ct) ?? TeamSettings.DefaultBaseCurrency;
        var rates = await db.CurrencyRates.AsNoTracking().ToListAsync(ct);
        return new ExchangeRates(baseCurrency, rates.Select(r => KeyValuePair.Create(r.Currency, r.RateToBase)));
    }
}

public static class GetMoneySettings
{
    public sealed record Query;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<MoneySettings>> Handle(Query query, CancellationToken ct) =>
            MoneySettings.Of(await db.ReadExchangeRatesAsync(ct));
    }
}

/// <summary>
/// Replaces the base currency and the rate table (admins only). Rates are to the new base
/// currency; the base currency may be listed only with rate 1. Every stored analysis is unaffected
/// (no rule reads money), but every sum and ordering by amount changes at once.
/// </summary>
public static class SaveMoneySettings
{
    public const int MaxRates = 300;
    public const decimal MaxRate = 1_000_000m;

    public sealed record Command(string? BaseCurrency, IReadOnlyList<MoneySettings.Rate>? Rates);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<MoneySettings>> Handle(Command command, CancellationToken ct)
        {
            if (!db.CallerIsAdmin) return Error.Forbidden(Messages.Format("Access.AdminOnly"));

            var validation = new Validation();
            var baseCurrency = command.BaseCurrency?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(baseCurrency)) validation.Add("baseCurrency", Messages.Format("Required"));
            else validation.Currency("baseCurrency", baseCurrency);
            var rates = command.Rates ?? [];
            if (rates.Count > MaxRates) validation.Add("rates", Messages.Format("TooMany", MaxRates));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < rates.Count && rates.Count <= MaxRates; i++)
            {
                var (currency, rate) = (rates[i].Currency?.Trim().ToUpperInvariant(), rates[i].RateToBase);
                if (string.IsNullOrEmpty(currency)) { validation.Add($"rates[{i}].currency", Messages.Format("Required")); continue; }
                validation.Currency($"rates[{i}].currency", currency);
                if (!seen.Add(currency)) validation.Add($"rates[{i}].currency", Messages.Format("Money.DuplicateCurrency"));
                if (currency == baseCurrency && rate != 1m) validation.Add($"rates[{i}].rateToBase", Messages.Format("Money.BaseRateIsOne"));
                else if (rate <= 0 || rate > MaxRate) validation.Add($"rates[{i}].rateToBase", Messages.Format("Money.RatePositive", MaxRate));
            }
            if (validation.HasErrors) return validation.ToError();

            var settings = await db.TeamSettings.SingleOrDefaultAsync(ct);
            if (settings is null) db.TeamSettings.Add(settings = new TeamSettings());
            settings.BaseCurrency = baseCurrency!;
            var wanted = rates.Where(r => r.Currency!.Trim().ToUpperInvariant() != baseCurrency)
                .ToDictionary(r => r.Currency!.Trim().ToUpperInvariant(), r => r.RateToBase, StringComparer.Ordinal);
            var stored = await db.CurrencyRates.ToListAsync(ct);
            foreach (var gone in stored.Where(r => !wanted.ContainsKey(r.Currency))) db.CurrencyRates.Remove(gone);
            foreach (var (currency, rate) in wanted)
            {
                var existing = stored.FirstOrDefault(r => r.Currency == currency);
                if (existing is null) db.CurrencyRates.Add(new CurrencyRate { Currency = currency, RateToBase = rate });
                else existing.RateToBase = rate;
            }
            await db.SaveChangesAsync(ct);
            return MoneySettings.Of(await db.ReadExchangeRatesAsync(ct));
        }
    }
}
