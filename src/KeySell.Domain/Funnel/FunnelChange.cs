using KeySell.Domain.Opportunities;

namespace KeySell.Domain.Funnel;

/// <summary>
/// One move of a deal through the funnel: win rates by level and the typical won deal are read
/// from these, so they are written by the save itself and never edited. Creation has no
/// <see cref="From"/>.
/// </summary>
public class FunnelChange
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public FunnelLevel? From { get; set; }
    public FunnelLevel To { get; set; }
}
