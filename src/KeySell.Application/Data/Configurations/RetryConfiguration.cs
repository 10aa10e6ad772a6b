using KeySell.Application.Common;
using KeySell.Application.Retries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Key).HasMaxLength(InputLimits.IdempotencyKeyLength).IsRequired();
        builder.Property(r => r.Fingerprint).HasMaxLength(64).IsRequired();
        builder.Property(r => r.StartedAt).IsConcurrencyToken();
        builder.Property(r => r.ContentType).HasMaxLength(256);
        builder.Property(r => r.Location).HasMaxLength(2048);
        builder.Property(r => r.ETag).HasMaxLength(256);
        // The claim's lookup, and the referee when two servers insert the same key at once.
        builder.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        builder.HasIndex(r => r.StartedAt);
    }
}
