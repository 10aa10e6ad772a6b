using KeySell.Domain.Common;
using KeySell.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ConfigureAudit();
        builder.Property(j => j.UserId).HasMaxLength(450);
        builder.Property(j => j.FileName).HasMaxLength(ImportJob.FileNameMaxLength).IsRequired();
        builder.Property(j => j.StoredFile).HasMaxLength(ImportJob.FileNameMaxLength).IsRequired();
        builder.Property(j => j.Source).HasMaxLength(IExternallyKnown.SourceMaxLength).IsRequired();
        builder.Property(j => j.Message).HasMaxLength(ImportJob.MessageMaxLength);
        // A user's own jobs, newest first; and the queue the background worker takes from.
        builder.HasIndex(j => new { j.UserId, j.CreatedAt });
        builder.HasIndex(j => j.State);
    }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> builder)
    {
        builder.ConfigureAudit();
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.Name).HasMaxLength(ImportMapping.NameMaxLength).IsRequired();
        builder.HasIndex(m => new { m.UserId, m.Kind, m.Name }).IsUnique();
    }
}

/// <summary>The external id of an imported record, unique per source system within its record type.</summary>
internal static class ExternalIdConfiguration
{
    public static void ConfigureExternalId<T>(this EntityTypeBuilder<T> builder) where T : class, IExternallyKnown
    {
        builder.Property(e => e.ExternalSource).HasMaxLength(IExternallyKnown.SourceMaxLength);
        builder.Property(e => e.ExternalId).HasMaxLength(IExternallyKnown.IdMaxLength);
        builder.HasIndex(e => new { e.ExternalSource, e.ExternalId }).IsUnique();
    }
}
