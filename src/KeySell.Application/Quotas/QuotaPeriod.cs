using KeySell.Application.Common;
using KeySell.Application.Resources;
using KeySell.Domain.Quotas;

namespace KeySell.Application.Quotas;

/// <summary>
/// A quota's period: a year (<c>2027</c>) or a quarter (<c>2027-Q1</c>), with its first and last day.
/// A deal counts in the period when its close date is inside it.
/// </summary>
public readonly record struct QuotaPeriod(string Text, DateOnly First, DateOnly Last)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Reads <c>YYYY</c> or <c>YYYY-Qn</c> (the q in either case); anything else is a 400 on <c>period</c>.</summary>
    public static Result<QuotaPeriod> Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return Error.Invalid("period", Messages.Format("Required"));
        if (value.Length is 4 or 7 && int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, null, out var year)
            && year is >= MinYear and <= MaxYear)
        {
            if (value.Length == 4) return new QuotaPeriod(value, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            if (value[4] == '-' && value[5] is 'Q' or 'q' && value[6] is >= '1' and <= '4')
            {
                var quarter = value[6] - '0';
                var first = new DateOnly(year, 3 * quarter - 2, 1);
                return new QuotaPeriod($"{year}-Q{quarter}", first, first.AddMonths(3).AddDays(-1));
            }
        }
        return Error.Invalid("period", Messages.Format("Quota.Period", Texts.Cut(value, Quota.PeriodMaxLength + 10), MinYear, MaxYear));
    }

    /// <summary>The quarter a day falls in (<c>2027-Q1</c>): what the pages, the team review and the CLI show when no period is given.</summary>
    public static QuotaPeriod QuarterOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return new QuotaPeriod($"{day.Year}-Q{(day.Month + 2) / 3}", first, first.AddMonths(3).AddDays(-1));
    }

    /// <summary>The quarter the team is in now, by the local calendar.</summary>
    public static QuotaPeriod CurrentQuarter(TimeProvider time) => QuarterOf(DateOnly.FromDateTime(time.GetLocalNow().DateTime));

    public override string ToString() => Text;
}
