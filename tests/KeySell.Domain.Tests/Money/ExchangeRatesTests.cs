using KeySell.Domain.Money;

namespace KeySell.Domain.Tests.Money;

public class ExchangeRatesTests
{
    private static readonly ExchangeRates Rates = new("CNY", [new("USD", 7.2m), new("EUR", 7.8m)]);

    [Fact]
    public void ToBase_KnownCurrency_MultipliesByItsRate() => Rates.ToBase(1_000m, "USD").ShouldBe(7_200m);

    [Fact]
    public void ToBase_BaseCurrency_IsTheAmountItself() => Rates.ToBase(123.45m, "CNY").ShouldBe(123.45m);

    [Fact]
    public void ToBase_CurrencyWithoutRate_IsNullAndUnconverted()
    {
        Rates.ToBase(500m, "JPY").ShouldBeNull();
        Rates.IsUnconverted(500m, "JPY").ShouldBeTrue();
    }

    [Fact]
    public void IsUnconverted_AmountWithoutCurrency_IsUnconverted() => Rates.IsUnconverted(500m, null).ShouldBeTrue();

    [Fact]
    public void IsUnconverted_NoAmount_IsNotUnconverted()
    {
        // Nothing to convert: the deal adds nothing to a sum, and nothing is hidden from it.
        Rates.IsUnconverted(null, "JPY").ShouldBeFalse();
        Rates.ToBase(null, "USD").ShouldBeNull();
    }

    [Fact]
    public void Rates_BaseCurrencyGivenWithAnotherRate_StaysOne() =>
        new ExchangeRates("USD", [new("USD", 3m)]).RateOf("USD").ShouldBe(1m);
}
