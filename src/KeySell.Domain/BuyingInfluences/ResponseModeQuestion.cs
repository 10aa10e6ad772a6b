namespace KeySell.Domain.BuyingInfluences;

/// <summary>
/// The one question that places an influence in a response mode: "compared with the results they
/// want, today's reality is…". The answer is the gap the method reads the mode from (§6).
/// </summary>
public enum RealityVersusResults
{
    /// <summary>Below what they need: a sudden problem (trouble, 不知所措型).</summary>
    BelowNeeds = 1,
    /// <summary>Good, but they want more (growth, 高瞻远瞩型).</summary>
    GoodButWantMore = 2,
    /// <summary>About what they want (even keel, 四平八稳型).</summary>
    AboutWhatTheyWant = 3,
    /// <summary>Better than they need (overconfident, 自我陶醉型).</summary>
    BetterThanNeeded = 4,
}

public static class ResponseModeQuestion
{
    public static ResponseMode ModeFor(RealityVersusResults answer) => answer switch
    {
        RealityVersusResults.BelowNeeds => ResponseMode.Trouble,
        RealityVersusResults.GoodButWantMore => ResponseMode.Growth,
        RealityVersusResults.AboutWhatTheyWant => ResponseMode.EvenKeel,
        RealityVersusResults.BetterThanNeeded => ResponseMode.Overconfident,
        _ => ResponseMode.Unknown,
    };

    /// <summary>The answer a recorded mode stands for, so the question shows what was chosen.</summary>
    public static RealityVersusResults? AnswerFor(ResponseMode mode) => mode switch
    {
        ResponseMode.Trouble => RealityVersusResults.BelowNeeds,
        ResponseMode.Growth => RealityVersusResults.GoodButWantMore,
        ResponseMode.EvenKeel => RealityVersusResults.AboutWhatTheyWant,
        ResponseMode.Overconfident => RealityVersusResults.BetterThanNeeded,
        _ => null,
    };
}
