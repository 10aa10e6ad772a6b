namespace KeySell.Domain.Money;

/// <summary>
/// The team's rate table as one value: converts an amount to the base currency, or says it cannot.
/// An amount whose currency has no rate (or is not given) is <em>unconverted</em>: it still counts
/// as a deal, but is left out of every sum and every ordering by amount, and is counted as such,
/// rather than guessed at.
/// </summary>
public sealed class ExchangeRates
{
    private readonly Dictionary<string, decimal> _rates;

    public ExchangeRates(string baseCurrency, IEnumerable<KeyValuePair<string, decimal>> rates)
    {
        BaseCurrency = baseCurrency;
        _rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (currency, rate) in rates) _rates[currency] = rate;
        _rates[baseCurrency] = 1m;
    }

    public string BaseCurrency { get; }

    /// <summary>Every currency with a rate, the base currency (rate 1) included.</summary>
    public IReadOnlyDictionary<string, decimal> Rates => _rates;

    public decimal? RateOf(string? currency) => currency is not null && _rates.TryGetValue(currency, out var rate) ? rate : null;

    /// <summary>The amount in the base currency; null when there is no amount or no rate for its currency.</summary>
    public decimal? ToBase(decimal? amount, string? currency) => amount is { } a && RateOf(currency) is { } rate ? a * rate : null;

    /// <summary>Whether an amount is given but cannot be converted (the contract's <c>unconverted</c>).</summary>
    public bool IsUnconverted(decimal? amount, string? currency) => amount is not null && RateOf(currency) is null;
}
