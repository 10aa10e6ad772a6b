using KeySell.Domain.Common;
using KeySell.Domain.Funnel;
using KeySell.Domain.Opportunities;
using KeySell.Domain.RedFlags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeySell.Application.Data.Configurations;

internal sealed class FunnelChangeConfiguration : IEntityTypeConfiguration<FunnelChange>
{
    public void Configure(EntityTypeBuilder<FunnelChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.By).HasMaxLength(256).IsRequired();
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        // Win rates read "which deals ever reached a level", the deal's page its moves in order.
        builder.HasIndex(c => new { c.OpportunityId, c.At });
        builder.HasIndex(c => new { c.To, c.OpportunityId });
    }
}

internal sealed class AnalysisSummaryConfiguration : IEntityTypeConfiguration<AnalysisSummary>
{
    public void Configure(EntityTypeBuilder<AnalysisSummary> builder)
    {
        builder.HasKey(s => s.OpportunityId);
        builder.HasOne<Opportunity>().WithOne().HasForeignKey<AnalysisSummary>(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Settings).HasMaxLength(128).IsRequired();
        // The flags are read and written whole with their deal, never searched inside: one JSON text.
        builder.Property(s => s.RedFlags)
            .HasConversion(flags => StoredRedFlagsJson.Write(flags), text => StoredRedFlagsJson.Read(text),
                new ValueComparer<List<StoredRedFlag>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, f) => HashCode.Combine(h, f)), l => l.ToList()))
            .IsRequired();
        // The daily run looks for summaries judged before today.
        builder.HasIndex(s => s.AsOf);
        // The funnel summary asks "is this deal premature?" once per deal: answered from the index alone.
        builder.HasIndex(s => new { s.OpportunityId, s.Premature });
    }
}

/// <summary><c>[{"id":"coach-gone","influence":"i2","severity":"critical"}]</c>, the API's own ids.</summary>
internal static class StoredRedFlagsJson
{
    public static string Write(List<StoredRedFlag> flags)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 + flags.Count * 64);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var flag in flags)
            {
                json.WriteStartObject();
                json.WriteString("id", flag.Id);
                json.WriteString("influence", flag.Influence);
                json.WriteString("severity", flag.Severity.ToId());
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static List<StoredRedFlag> Read(string text)
    {
        using var document = System.Text.Json.JsonDocument.Parse(text);
        var flags = new List<StoredRedFlag>(document.RootElement.GetArrayLength());
        foreach (var item in document.RootElement.EnumerateArray())
        {
            MethodIds.TryParse<RedFlagSeverity>(item.GetProperty("severity").GetString(), out var severity);
            flags.Add(new StoredRedFlag(item.GetProperty("id").GetString()!, item.GetProperty("influence").GetString(), severity));
        }
        return flags;
    }
}
