namespace KeySell.Domain.BuyingInfluences;

/// <summary>Support for us on the −5…+5 scale, and its bands (支持/中立/反对).</summary>
public static class Support
{
    public const int Min = -5;
    public const int Max = 5;

    public static bool IsValid(int? support) => support is null or (>= Min and <= Max);

    public static SupportBand Band(int support) => support switch
    {
        >= 4 => SupportBand.Champion,
        >= 1 => SupportBand.Supporter,
        0 => SupportBand.Neutral,
        >= -3 => SupportBand.Skeptic,
        _ => SupportBand.Opponent,
    };
}

public enum SupportBand
{
    Opponent,
    Skeptic,
    Neutral,
    Supporter,
    Champion,
}
