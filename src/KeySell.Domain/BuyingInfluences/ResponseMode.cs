namespace KeySell.Domain.BuyingInfluences;

/// <summary>How an influence sees today's reality against the results they want (§6).</summary>
public enum ResponseMode
{
    Unknown = 0,
    Growth = 1,
    Trouble = 2,
    EvenKeel = 3,
    Overconfident = 4,
}

public static class ResponseModeExtensions
{
    public static bool IsReceptive(this ResponseMode mode) => mode is ResponseMode.Growth or ResponseMode.Trouble;
    public static bool IsUnreceptive(this ResponseMode mode) => mode is ResponseMode.EvenKeel or ResponseMode.Overconfident;
}
