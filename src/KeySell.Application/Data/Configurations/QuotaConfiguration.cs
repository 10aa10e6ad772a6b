using KeySell.Application.Identity;
using KeySell.Domain.Quotas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<Quota>
{
    public void Configure(EntityTypeBuilder<Quota> builder)
    {
        builder.ConfigureAudit();
        builder.Property(q => q.Period).HasMaxLength(Quota.PeriodMaxLength).IsRequired();
        builder.Property(q => q.Amount).HasPrecision(18, 2);
        // One quota per user and period (the PUT is an upsert); a removed user takes their quotas along.
        builder.HasIndex(q => new { q.UserId, q.Period }).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(q => q.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
