using KeySell.Application.Analysis;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Strengths;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    /// <summary>The same SQL on SQLite and PostgreSQL; both use such an index when a query's WHERE holds the same term.</summary>
    internal const string LiveRows = "\"DeletedAt\" IS NULL";

    /// <summary>What the recycle bin lists: a small index, as the bin holds few rows.</summary>
    internal const string BinnedRows = "\"DeletedAt\" IS NOT NULL";

    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ConfigureAudit();
        builder.Property(o => o.Name).HasMaxLength(Opportunity.NameMaxLength).IsRequired();
        builder.HasOne(o => o.Account).WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Owner).WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.ComplexProperty(o => o.Objective, objective =>
        {
            objective.Property(x => x.Product).HasColumnName("ObjectiveProduct").HasMaxLength(SalesObjective.ProductMaxLength);
            objective.Property(x => x.Quantity).HasColumnName("ObjectiveQuantity").HasPrecision(18, 4);
            objective.Property(x => x.Amount).HasColumnName("ObjectiveAmount").HasPrecision(18, 2);
            objective.Property(x => x.Currency).HasColumnName("ObjectiveCurrency").HasMaxLength(3);
            objective.Property(x => x.CloseDate).HasColumnName("ObjectiveCloseDate");
        });
        builder.HasMany(o => o.Influences).WithOne().HasForeignKey(i => i.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Strengths).WithOne().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.RedFlags).WithOne().HasForeignKey(f => f.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Objections).WithOne().HasForeignKey(x => x.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Shares).WithOne().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Milestones).WithOne().HasForeignKey(m => m.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Calls).WithOne().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Actions).WithOne().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Needs).WithOne().HasForeignKey<Domain.Needs.NeedsAnalysis>(n => n.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.NeedNodes).WithOne().HasForeignKey(n => n.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Swot).WithOne().HasForeignKey<Domain.Swot.SwotAnalysis>(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.InfluenceLines).WithOne().HasForeignKey(l => l.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.DeletedBy).HasMaxLength(256);
        // The pipeline pages by (Name, Id) (decision 0012): everything, one owner's or one account's deals; the access
        // rules and the account filter find an account's deals by the AccountId prefix. Partial on the live rows:
        // PostgreSQL does not order by an index whose first column is only fixed by "IS NULL".
        builder.HasIndex(o => new { o.Name, o.Id }).HasFilter(LiveRows);
        builder.HasIndex(o => o.DeletedAt).HasFilter(BinnedRows);
        builder.HasIndex(o => new { o.OwnerId, o.Name, o.Id });
        builder.HasIndex(o => new { o.AccountId, o.Name, o.Id });
        // The funnel summary's covering index is Data/Sql/FunnelPrematureSql.cs (an index over the objective's columns cannot be declared here).
        // The stored analysis's premature verdict, beside the level so that index covers the summary (decision 0018); no domain
        // property: only StoredAnalyses.WriteAsync writes it, in the transaction that writes the summary it comes from.
        builder.Property<bool>(StoredAnalysisColumns.Premature).HasDefaultValue(false);
        builder.ConfigureExternalId();
    }
}

internal sealed class BuyingInfluenceConfiguration : IEntityTypeConfiguration<BuyingInfluence>
{
    public void Configure(EntityTypeBuilder<BuyingInfluence> builder)
    {
        builder.ConfigureAudit();
        builder.Property(i => i.Key).HasMaxLength(BuyingInfluence.KeyMaxLength).IsRequired();
        builder.HasIndex(i => new { i.OpportunityId, i.Key }).IsUnique();
        builder.HasIndex(i => new { i.OpportunityId, i.PersonId }).IsUnique();
        builder.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Counterpart).WithMany().HasForeignKey(i => i.CounterpartId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(i => i.Roles).HasConversion<int>();
        builder.PrimitiveCollection(i => i.Wins);
        builder.PrimitiveCollection(i => i.Results);
    }
}

internal sealed class StrengthConfiguration : IEntityTypeConfiguration<Strength>
{
    public void Configure(EntityTypeBuilder<Strength> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Text).HasMaxLength(Strength.TextMaxLength).IsRequired();
        builder.PrimitiveCollection(s => s.Addresses);
    }
}

internal sealed class ManualRedFlagConfiguration : IEntityTypeConfiguration<ManualRedFlag>
{
    public void Configure(EntityTypeBuilder<ManualRedFlag> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Text).HasMaxLength(ManualRedFlag.TextMaxLength).IsRequired();
        builder.Property(f => f.InfluenceKey).HasMaxLength(BuyingInfluence.KeyMaxLength);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Text).HasMaxLength(Objection.TextMaxLength).IsRequired();
        builder.Property(o => o.FromKey).HasMaxLength(BuyingInfluence.KeyMaxLength);
        builder.PrimitiveCollection(o => o.Steps);
    }
}
