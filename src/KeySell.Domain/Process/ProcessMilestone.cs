using KeySell.Domain.Common;

namespace KeySell.Domain.Process;

/// <summary>One milestone of one deal's sales process, ticked with the day it was reached and the evidence for it.</summary>
public class ProcessMilestone : AuditedEntity, IDealPart
{
    public const int EvidenceMaxLength = 4000;

    public Guid OpportunityId { get; set; }
    public Milestone Milestone { get; set; }
    public DateOnly? Done { get; set; }
    public string? Evidence { get; set; }
}
