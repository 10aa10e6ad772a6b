using KeySell.Domain.Sheets;

namespace KeySell.Domain.Needs;

/// <summary>
/// The three checks of self-check 3-1 on a needs tree, and the counts behind them: the one home of these facts, read by
/// the <c>needs-*</c> rules and by the analysis' <c>needs</c> part alike. True means the check passes (its rule does not
/// fire).
/// </summary>
public sealed record NeedsChecks(bool Rooted, bool Decomposed, bool Landed, IReadOnlyList<NeedLayer> Layers, int Leaves, int UnlandedLeaves)
{
    /// <summary>First-level branches must cover at least this many distinct layers.</summary>
    public const int MinimumLayers = 3;

    public static NeedsChecks Of(SheetNeeds needs)
    {
        var layers = new List<NeedLayer>();
        foreach (var branch in needs.Branches)
        {
            if (branch.Layer is { } layer && !layers.Contains(layer)) layers.Add(layer);
        }
        var (leaves, unlanded) = (0, 0);
        Count(needs.Branches, ref leaves, ref unlanded);
        var hasBranches = needs.Branches.Count > 0;
        return new NeedsChecks(
            Rooted: !(hasBranches && string.IsNullOrWhiteSpace(needs.CurrentState)),
            Decomposed: !(hasBranches && layers.Count < MinimumLayers),
            Landed: unlanded == 0,
            layers, leaves, unlanded);
    }

    private static void Count(IReadOnlyList<SheetNeed> nodes, ref int leaves, ref int unlanded)
    {
        foreach (var node in nodes)
        {
            if (node.IsLeaf)
            {
                leaves++;
                if (string.IsNullOrWhiteSpace(node.Solution)) unlanded++;
            }
            else Count(node.Children, ref leaves, ref unlanded);
        }
    }
}
