using KeySell.Domain.Opportunities;

namespace KeySell.Domain.Funnel;

/// <summary>
/// Whether the deal has earned the funnel level it sits at (漏斗原则). A level whose prerequisites
/// are unmet is premature; <see cref="HighestMet"/> is where the evidence actually puts it.
/// </summary>
public sealed record FunnelVerdict(FunnelLevel Level, bool Premature, IReadOnlyList<FunnelPrerequisite> Unmet, FunnelLevel HighestMet);

/// <summary>What a level needs; ids <c>objective</c>, <c>receptive-influence</c>, <c>red-flags</c>.</summary>
public enum FunnelPrerequisite
{
    Objective = 1,
    ReceptiveInfluence = 2,
    RedFlags = 3,
}
