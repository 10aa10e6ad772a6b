using KeySell.Domain.Opportunities;

namespace KeySell.Domain.Funnel;

/// <summary>
/// The contract's prerequisites: <c>in</c> needs a complete objective and a receptive influence
/// (growth or trouble); <c>best-few</c> needs those and no red flag at all; other levels need nothing.
/// </summary>
public static class FunnelPrerequisites
{
    private static readonly FunnelPrerequisite[] None = [];

    public static FunnelVerdict Judge(FunnelLevel level, bool objectiveComplete, bool anyReceptive, bool anyRedFlag)
    {
        var inMet = objectiveComplete && anyReceptive;
        var bestFewMet = inMet && !anyRedFlag;
        var highest = bestFewMet ? FunnelLevel.BestFew : inMet ? FunnelLevel.In : FunnelLevel.Above;

        IReadOnlyList<FunnelPrerequisite> unmet = level switch
        {
            FunnelLevel.In when !inMet => Unmet(objectiveComplete, anyReceptive, anyRedFlag: false),
            FunnelLevel.BestFew when !bestFewMet => Unmet(objectiveComplete, anyReceptive, anyRedFlag),
            _ => None,
        };
        return new FunnelVerdict(level, unmet.Count > 0, unmet, highest);
    }

    private static FunnelPrerequisite[] Unmet(bool objectiveComplete, bool anyReceptive, bool anyRedFlag)
    {
        var unmet = new List<FunnelPrerequisite>(3);
        if (!objectiveComplete) unmet.Add(FunnelPrerequisite.Objective);
        if (!anyReceptive) unmet.Add(FunnelPrerequisite.ReceptiveInfluence);
        if (anyRedFlag) unmet.Add(FunnelPrerequisite.RedFlags);
        return [.. unmet];
    }
}
