using KeySell.Domain.Sheets;

namespace KeySell.Domain.Process;

/// <summary>The analysis' <c>milestones</c> part: the milestones reached, in the method's order, and the next one.</summary>
public sealed record ProcessProgress(IReadOnlyList<Milestone> Done, Milestone? Next)
{
    public static ProcessProgress Of(IReadOnlyList<SheetMilestone> milestones)
    {
        var reached = new HashSet<Milestone>();
        foreach (var milestone in milestones)
        {
            if (milestone.Done is not null) reached.Add(milestone.Id);
        }
        var done = new List<Milestone>();
        Milestone? next = null;
        // The enum is declared in the method's order (METHODOLOGY §2).
        foreach (var milestone in Enum.GetValues<Milestone>())
        {
            if (reached.Contains(milestone)) done.Add(milestone);
            else next ??= milestone;
        }
        return new ProcessProgress(done, next);
    }
}
