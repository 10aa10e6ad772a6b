using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using KeySell.Application.Calendar;
using KeySell.Application.Data;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Common;
using KeySell.Domain.Imports;
using KeySell.Domain.Money;
using KeySell.Domain.Teams;
using KeySell.Domain.Funnel;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Quotas;
using KeySell.Domain.RelationshipMap;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Reviews;
using KeySell.Domain.Strengths;
using KeySell.Domain.Swot;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KeySell.Application.History;

/// <summary>
/// Writes the history of every save, in the same transaction as the change itself, so no change
/// can reach the database without its line and a failed save leaves neither. One interceptor
/// serves every use case, the web, the API and the CLI alike.
/// </summary>
public sealed class ChangeHistory : SaveChangesInterceptor
{
    public static readonly ChangeHistory Instance = new();

    /// <summary>The entity name of a review's line: the team review does not count it as a change to review.</summary>
    public const string ReviewEntity = "review";

    /// <summary>Bookkeeping a reader of the history does not care about.</summary>
    private static readonly HashSet<string> Unrecorded =
    [
        nameof(AuditedEntity.Id), nameof(AuditedEntity.CreatedAt), nameof(AuditedEntity.CreatedBy),
        nameof(AuditedEntity.UpdatedAt), nameof(AuditedEntity.UpdatedBy), nameof(AuditedEntity.Version),
        nameof(IRecyclable.DeletedAt), nameof(IRecyclable.DeletedBy),
        // A credential's hash stays out of the history: a calendar link's replacement is its issuedAt line.
        nameof(CalendarLink.SecretHash),
    ];

    // Values inside a recorded list (a call's questions) name the method's ids, as the API writes them.
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db) Record(db);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db) Record(db);
        return result;
    }

    private static void Record(AppDbContext db)
    {
        var at = db.Time.GetUtcNow();
        var lines = new List<ChangeRecord>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (Scope(entry.Entity) is not { } scope) continue;

            ChangeRecord Line(string action, string? field = null, string? old = null, string? @new = null) => new()
            {
                At = at, By = db.Caller.Name, Entity = scope.Entity, EntityId = scope.Id, Action = action,
                Field = field, Old = old, New = @new,
                OpportunityId = scope.OpportunityId, AccountId = scope.AccountId, PersonId = scope.PersonId,
            };

            switch (entry.State)
            {
                case EntityState.Added:
                    lines.Add(Line(ChangeActions.Created, @new: Whole(entry, current: true)));
                    break;
                case EntityState.Deleted:
                    lines.Add(Line(ChangeActions.Deleted, old: Whole(entry, current: false)));
                    break;
                case EntityState.Modified when entry.Entity is IRecyclable && IsMoved(entry, out var deleted):
                    lines.Add(deleted
                        ? Line(ChangeActions.Deleted, old: Whole(entry, current: false))
                        : Line(ChangeActions.Restored, @new: Whole(entry, current: true)));
                    break;
                case EntityState.Modified:
                    foreach (var (field, old, @new) in ChangedFields(entry))
                        lines.Add(Line(ChangeActions.Updated, field, old, @new));
                    break;
            }
        }
        db.ChangeRecords.AddRange(lines);
    }

    /// <summary>Which history a record's lines belong to, under which name; null for what has none.</summary>
    private static (string Entity, string Id, Guid? OpportunityId, Guid? AccountId, Guid? PersonId)? Scope(object entity) => entity switch
    {
        Opportunity o => ("opportunity", Id(o.Id), o.Id, o.AccountId, null),
        BuyingInfluence i => ("influence", Id(i.Id), i.OpportunityId, null, i.PersonId),
        Strength s => ("strength", Id(s.Id), s.OpportunityId, null, null),
        ManualRedFlag f => ("redFlag", Id(f.Id), f.OpportunityId, null, null),
        Objection x => ("objection", Id(x.Id), x.OpportunityId, null, null),
        ProcessMilestone m => ("milestone", Id(m.Id), m.OpportunityId, null, null),
        Call c => ("call", Id(c.Id), c.OpportunityId, null, null),
        SellingAction a => ("action", Id(a.Id), a.OpportunityId, null, null),
        NeedsAnalysis n => ("needs", Id(n.Id), n.OpportunityId, null, null),
        NeedNode n => ("needNode", Id(n.Id), n.OpportunityId, null, null),
        InfluenceLine l => ("influenceLine", Id(l.Id), l.OpportunityId, null, null),
        SwotAnalysis w => ("swot", Id(w.Id), w.OpportunityId, w.AccountId, null),
        OpportunityShare s => ("share", Id(s.Id), s.OpportunityId, null, null),
        Review r => (ReviewEntity, Id(r.Id), r.OpportunityId, null, null),
        Account a => ("account", Id(a.Id), null, a.Id, null),
        Department d => ("department", Id(d.Id), null, d.AccountId, null),
        Person p => ("person", Id(p.Id), null, p.AccountId, p.Id),
        AccountRelation r => ("relation", Id(r.Id), null, r.AccountId, null),
        PersonLine l => ("personLine", Id(l.Id), null, l.AccountId, null),
        AccountTeamMember m => ("accountTeam", m.UserId, null, m.AccountId, null),
        Colleague c => ("colleague", Id(c.Id), null, null, null),
        FitCriterion c => ("fitCriterion", Id(c.Id), null, null, null),
        FitRating r => ("fitRating", Id(r.Id), null, r.AccountId, null),
        TeamSettings => ("teamSettings", "team", null, null, null),
        CurrencyRate r => ("currencyRate", r.Currency, null, null, null),
        // Read by admins (the history of what belongs to no deal or account is theirs).
        Quota q => ("quota", Id(q.Id), null, null, null),
        // An answer to a self-check or a drill question, read by admins like every line of no deal or account.
        KeySell.Domain.Learning.LearningResult r => ("learningResult", Id(r.Id), null, null, null),
        // A job's progress is bookkeeping: the records it writes carry their own history lines.
        ImportJob => null,
        ImportMapping m => ("importMapping", Id(m.Id), null, null, null),
        // Read by admins, like every line that belongs to no deal or account; never the secret (see Unrecorded).
        CalendarLink l => ("calendarLink", l.UserId, null, null, null),
        // Derived from the deal's own lines (the funnel moves are its funnelLevel lines; the summary
        // is recomputed from the sheet), so they would only repeat them.
        FunnelChange or AnalysisSummary => null,
        // A personal view of a map, not a fact about the customer (decision 0029).
        MapPosition => null,
        _ => null,
    };

    private static string Id(Guid id) => id.ToString();

    private static bool IsMoved(EntityEntry entry, out bool deleted)
    {
        var moment = entry.Property(nameof(IRecyclable.DeletedAt));
        deleted = moment.OriginalValue is null && moment.CurrentValue is not null;
        return moment.IsModified && (deleted || (moment.OriginalValue is not null && moment.CurrentValue is null));
    }

    private static IEnumerable<(string Field, string? Old, string? New)> ChangedFields(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (!property.IsModified || Unrecorded.Contains(property.Metadata.Name)
                || property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue)) continue;
            yield return (Camel(property.Metadata.Name), Value(property.Metadata, property.OriginalValue), Value(property.Metadata, property.CurrentValue));
        }
        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                if (!property.IsModified || property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue)) continue;
                yield return ($"{Camel(complex.Metadata.Name)}.{Camel(property.Metadata.Name)}",
                    Value(property.Metadata, property.OriginalValue), Value(property.Metadata, property.CurrentValue));
            }
        }
    }

    /// <summary>The record as one JSON object of its recorded fields (in name order), as it was or as it is.</summary>
    /// <remarks>
    /// Written straight to one buffer with each type's fields listed once: an import adds a line per
    /// record, and a document per field (the first version) cost more than inserting the record.
    /// </remarks>
    private static string Whole(EntityEntry entry, bool current)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in ShapeOf(entry.Metadata))
            {
                writer.WritePropertyName(field.Name);
                if (field.Property is { } property)
                {
                    var value = entry.Property(property);
                    WriteValue(writer, current ? value.CurrentValue : value.OriginalValue);
                    continue;
                }
                var complex = entry.ComplexProperty(field.Complex!);
                writer.WriteStartObject();
                foreach (var (name, inner) in field.Inner)
                {
                    writer.WritePropertyName(name);
                    var value = complex.Property(inner);
                    WriteValue(writer, current ? value.CurrentValue : value.OriginalValue);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed record WholeField(string Name, IProperty? Property, IComplexProperty? Complex, (string Name, IProperty Property)[] Inner);

    private static readonly ConcurrentDictionary<IEntityType, WholeField[]> Shapes = new();

    private static WholeField[] ShapeOf(IEntityType type) => Shapes.GetOrAdd(type, static t =>
        t.GetProperties().Where(p => !Unrecorded.Contains(p.Name) || p.Name == nameof(AuditedEntity.Id))
            .Select(p => new WholeField(Camel(p.Name), p, null, []))
            .Concat(t.GetComplexProperties().Where(c => !c.IsCollection).Select(c => new WholeField(Camel(c.Name), null, c,
                c.ComplexType.GetProperties().Select(p => (Camel(p.Name), p)).OrderBy(p => p.Item1, StringComparer.Ordinal).ToArray())))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToArray());

    /// <summary>What <see cref="Element"/> makes of a value, written in place.</summary>
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case BuyingRoles roles: JsonSerializer.Serialize(writer, roles.Split().Select(r => r.ToId()).ToList()); break;
            case Enum e: writer.WriteStringValue(MethodIdText(e)); break;
            default: JsonSerializer.Serialize(writer, value, value.GetType(), Json); break;
        }
    }

    private static string? Value(IProperty property, object? value) => Element(property, value) is { } element ? element.GetRawText() : null;

    /// <summary>
    /// A value as the API writes it: the method's ids (<c>even-keel</c>, roles as a list of ids),
    /// dates as ISO text; null stays JSON null.
    /// </summary>
    internal static JsonElement? Element(IReadOnlyPropertyBase property, object? value) => value switch
    {
        null => JsonSerializer.SerializeToElement<object?>(null),
        BuyingRoles roles => JsonSerializer.SerializeToElement(roles.Split().Select(r => r.ToId()).ToList()),
        Enum e => JsonSerializer.SerializeToElement(MethodIdText(e)),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), Json),
    };

    private static string MethodIdText(Enum value) => MethodIds.Kebab(value.ToString());

    internal static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
