using KeySell.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class FitCriterionConfiguration : IEntityTypeConfiguration<FitCriterion>
{
    public void Configure(EntityTypeBuilder<FitCriterion> builder)
    {
        builder.ToTable("FitCriteria");
        builder.ConfigureAudit();
        builder.Property(c => c.DefaultKey).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(FitCriterion.NameMaxLength);
        builder.Property(c => c.Description).HasMaxLength(FitCriterion.DescriptionMaxLength);
        // No seeded rows: a new database is empty (import-all and restore rely on that); readers show
        // the five defaults while the table is empty, and the first save stores them (decision 0017).
    }
}

internal sealed class FitRatingConfiguration : IEntityTypeConfiguration<FitRating>
{
    public void Configure(EntityTypeBuilder<FitRating> builder)
    {
        builder.ToTable("FitRatings");
        builder.ConfigureAudit();
        builder.Property(r => r.Note).HasMaxLength(FitRating.NoteMaxLength);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        // Removing a criterion removes its ratings (the re-scoring deletes them first, with history lines).
        builder.HasOne(r => r.Criterion).WithMany().HasForeignKey(r => r.CriterionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.AccountId, r.CriterionId }).IsUnique();
        builder.HasIndex(r => r.CriterionId);
    }
}
