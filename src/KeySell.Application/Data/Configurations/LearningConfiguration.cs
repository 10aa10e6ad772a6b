using KeySell.Application.Identity;
using KeySell.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class LearningResultConfiguration : IEntityTypeConfiguration<LearningResult>
{
    public void Configure(EntityTypeBuilder<LearningResult> builder)
    {
        builder.ToTable("LearningResults");
        builder.ConfigureAudit();
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Topic).HasMaxLength(LearningResult.TopicMaxLength).IsRequired();
        builder.Property(r => r.Reference).HasMaxLength(LearningResult.ReferenceMaxLength);
        builder.Property(r => r.Score).HasPrecision(5, 4);
        // A user's results go with the user.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // Progress reads one user's results by topic over time; the team's by user.
        builder.HasIndex(r => new { r.UserId, r.Topic, r.TakenAt });
        // A drill question counts once a day (its reference names the day); self-checks may be taken again and again.
        builder.HasIndex(r => new { r.UserId, r.Reference }).IsUnique().HasFilter("\"Kind\" = 'drill'");
    }
}
