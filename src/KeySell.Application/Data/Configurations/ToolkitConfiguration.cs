using System.Text.Json;
using System.Text.Json.Serialization;
using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
using KeySell.Domain.Swot;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

// The selling toolkit of sheet version 2 (decision 0024): each part of the sheet is rows of its own with its own
// version, so two people saving different panels of one deal never conflict on the deal's row.

internal sealed class ProcessMilestoneConfiguration : IEntityTypeConfiguration<ProcessMilestone>
{
    public void Configure(EntityTypeBuilder<ProcessMilestone> builder)
    {
        builder.ConfigureAudit();
        builder.HasIndex(m => new { m.OpportunityId, m.Milestone }).IsUnique();
        builder.Property(m => m.Evidence).HasMaxLength(ProcessMilestone.EvidenceMaxLength);
    }
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    /// <summary>Questions are part of the call, saved with it: one JSON text of SPIN ids and texts.</summary>
    private static readonly JsonSerializerOptions QuestionJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ConfigureAudit();
        builder.Property(c => c.Key).HasMaxLength(Call.KeyMaxLength).IsRequired();
        builder.HasIndex(c => new { c.OpportunityId, c.Key }).IsUnique();
        // The calendar and the engine look for a deal's planned calls by day.
        builder.HasIndex(c => new { c.OpportunityId, c.Status, c.Date });
        builder.PrimitiveCollection(c => c.With);
        builder.Property(c => c.Commitment).HasMaxLength(Call.TextMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(Call.TextMaxLength);
        builder.Property(c => c.Questions).HasConversion(
                questions => JsonSerializer.Serialize(questions, QuestionJson),
                json => JsonSerializer.Deserialize<List<CallQuestion>>(json, QuestionJson) ?? new List<CallQuestion>(),
                new ValueComparer<List<CallQuestion>>(
                    (a, b) => a!.SequenceEqual(b!),
                    list => list.Aggregate(0, (hash, q) => HashCode.Combine(hash, q.GetHashCode())),
                    list => list.ToList()))
            .IsRequired();
    }
}

internal sealed class SellingActionConfiguration : IEntityTypeConfiguration<SellingAction>
{
    public void Configure(EntityTypeBuilder<SellingAction> builder)
    {
        builder.ToTable("Actions");
        builder.ConfigureAudit();
        builder.Property(a => a.Key).HasMaxLength(SellingAction.KeyMaxLength).IsRequired();
        builder.HasIndex(a => new { a.OpportunityId, a.Key }).IsUnique();
        builder.Property(a => a.Text).HasMaxLength(SellingAction.TextMaxLength).IsRequired();
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        // "My actions due this week" and the calendar read one colleague's open actions by due day.
        builder.HasIndex(a => new { a.OwnerId, a.Status, a.Due });
        // The work queue reads the next open action of each deal on its page, soonest due first.
        builder.HasIndex(a => new { a.OpportunityId, a.Status, a.Due });
        builder.Property(a => a.InfluenceKey).HasMaxLength(BuyingInfluence.KeyMaxLength);
        builder.PrimitiveCollection(a => a.Addresses);
    }
}

internal sealed class NeedsAnalysisConfiguration : IEntityTypeConfiguration<NeedsAnalysis>
{
    public void Configure(EntityTypeBuilder<NeedsAnalysis> builder)
    {
        builder.ConfigureAudit();
        builder.HasIndex(n => n.OpportunityId).IsUnique();
        builder.Property(n => n.CurrentState).HasMaxLength(NeedsAnalysis.TextMaxLength);
    }
}

internal sealed class NeedNodeConfiguration : IEntityTypeConfiguration<NeedNode>
{
    public void Configure(EntityTypeBuilder<NeedNode> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasIndex(n => new { n.OpportunityId, n.ParentId, n.Position });
        // No foreign key to the parent: the tree is rewritten as one, and a node's parent is always in the same save.
        builder.Property(n => n.Problem).HasMaxLength(NeedsAnalysis.TextMaxLength).IsRequired();
        builder.Property(n => n.Solution).HasMaxLength(NeedsAnalysis.TextMaxLength);
    }
}

internal sealed class SwotAnalysisConfiguration : IEntityTypeConfiguration<SwotAnalysis>
{
    public void Configure(EntityTypeBuilder<SwotAnalysis> builder)
    {
        builder.ToTable("Swot", t => t.HasCheckConstraint("CK_Swot_OneOwner",
            "(\"OpportunityId\" IS NULL) <> (\"AccountId\" IS NULL)"));
        builder.ConfigureAudit();
        builder.HasIndex(s => s.OpportunityId).IsUnique();
        builder.HasIndex(s => s.AccountId).IsUnique();
        builder.HasOne<Domain.Accounts.Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.PrimitiveCollection(s => s.Strengths);
        builder.PrimitiveCollection(s => s.Weaknesses);
        builder.PrimitiveCollection(s => s.Opportunities);
        builder.PrimitiveCollection(s => s.Threats);
    }
}

internal sealed class InfluenceLineConfiguration : IEntityTypeConfiguration<InfluenceLine>
{
    public void Configure(EntityTypeBuilder<InfluenceLine> builder)
    {
        builder.ConfigureAudit();
        builder.HasIndex(l => new { l.OpportunityId, l.Position });
        builder.Property(l => l.FromKey).HasMaxLength(BuyingInfluence.KeyMaxLength).IsRequired();
        builder.Property(l => l.ToKey).HasMaxLength(BuyingInfluence.KeyMaxLength).IsRequired();
        builder.Property(l => l.Note).HasMaxLength(InfluenceLine.NoteMaxLength);
    }
}
