namespace KeySell.Domain.Accounts;

/// <summary>
/// The ideal-customer score (理想客户, METHODOLOGY §8): how well an account fits the team's weighted
/// criteria. The one home of the formula; the stored <see cref="Account.IdealCustomerScore"/> is
/// always what <see cref="Of"/> makes of the account's ratings.
/// </summary>
public static class FitScore
{
    public const decimal MinScore = FitRating.MinRating;
    public const decimal MaxScore = FitRating.MaxRating;

    /// <summary>One criterion as the formula sees it: its weight and the account's rating, null when unrated.</summary>
    public readonly record struct Rated(int Weight, int? Rating);

    /// <summary>
    /// Σ(weight × rating) / Σ(weight) over the rated criteria, one decimal, halves away from zero;
    /// null when nothing is rated. Integer sums, one decimal division: no binary fraction decides a half.
    /// </summary>
    public static decimal? Of(IEnumerable<Rated> criteria)
    {
        long weighted = 0, weights = 0;
        foreach (var c in criteria)
        {
            if (c.Rating is not { } rating) continue;
            weighted += (long)c.Weight * rating;
            weights += c.Weight;
        }
        // + 0.0m gives every score the scale of one decimal (1.0, not 1), as it is stored and shown.
        return weights == 0 ? null : Math.Round((decimal)weighted / weights, 1, MidpointRounding.AwayFromZero) + 0.0m;
    }

    /// <summary>Σ weight of the rated criteria / Σ weight of all criteria, 0…1, two decimals (0 without criteria).</summary>
    public static decimal Coverage(IEnumerable<Rated> criteria)
    {
        long rated = 0, all = 0;
        foreach (var c in criteria)
        {
            all += c.Weight;
            if (c.Rating is not null) rated += c.Weight;
        }
        return all == 0 ? 0 : Math.Round((decimal)rated / all, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>A hand-typed score of before the criteria, as the rating that carries it over (halves away from zero).</summary>
    public static int CarriedOverRating(decimal score) =>
        (int)Math.Clamp(Math.Round(score, 0, MidpointRounding.AwayFromZero), FitRating.MinRating, FitRating.MaxRating);
}
