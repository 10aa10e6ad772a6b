using KeySell.Application.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.ToTable("History");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.By).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Entity).HasMaxLength(32).IsRequired();
        builder.Property(c => c.EntityId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Action).HasMaxLength(16).IsRequired();
        builder.Property(c => c.Field).HasMaxLength(ChangeRecord.FieldMaxLength);
        builder.HasIndex(c => new { c.OpportunityId, c.Id });
        builder.HasIndex(c => new { c.AccountId, c.Id });
        builder.HasIndex(c => new { c.PersonId, c.Id });
    }
}
