using KeySell.Domain.Process;

namespace KeySell.Application.Process;

/// <summary>One milestone of a deal's process: <see cref="Version"/> is 0 while it was never saved.</summary>
public sealed record MilestoneDetail(Milestone Id, DateOnly? Done, string? Evidence, int Version)
{
    public static MilestoneDetail From(Milestone id, ProcessMilestone? row) =>
        row is null ? new(id, null, null, 0) : new(id, row.Done, row.Evidence, row.Version);
}
