using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Accounts;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.IdealCustomer;

/// <summary>
/// Replaces the team's criteria (admins and managers): an item with an existing id keeps its
/// ratings, a new one starts unrated, a missing one is removed with its ratings. A changed weight or
/// a removal re-scores every account in the same transaction (<see cref="Rescoring"/>).
/// </summary>
public static class SaveFitCriteria
{
    public sealed record Item(Guid? Id, string? Name, string? Description, int Weight);

    public sealed record Command(IReadOnlyList<Item>? Criteria);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<FitCriteriaList>> Handle(Command command, CancellationToken ct)
        {
            if (!MayKeep(db)) return Error.Forbidden(Messages.Format("Access.CriteriaAdminsAndManagers"));

            var stored = await FitCriteria.ReadAsync(db, ct);
            var known = stored.Select(c => c.Id).ToHashSet();
            var validation = Validate(command, known);
            if (validation.HasErrors) return validation.ToError();

            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var tracked = await FitCriteria.TrackedAsync(db, ct);
            var byId = tracked.ToDictionary(c => c.Id);
            var kept = new HashSet<Guid>();
            var weightsChanged = false;
            for (var i = 0; i < command.Criteria!.Count; i++)
            {
                var item = command.Criteria[i];
                var name = item.Name!.Trim();
                var description = Texts.OrNull(item.Description);
                if (item.Id is { } id)
                {
                    var c = byId[id];
                    kept.Add(id);
                    // A default keeps showing each reader their own language while its words are the default's.
                    var newName = FitCriteria.IsDefaultWords(c.DefaultKey, "Name", name) ? null : name;
                    var newDescription = description is null || FitCriteria.IsDefaultWords(c.DefaultKey, "Description", description) ? (c.DefaultKey is null ? description : null) : description;
                    if (c.Name != newName) c.Name = newName;
                    if (c.Description != newDescription) c.Description = newDescription;
                    if (c.Weight != item.Weight) { c.Weight = item.Weight; weightsChanged = true; }
                    if (c.Position != i) c.Position = i;
                }
                else
                {
                    db.FitCriteria.Add(new FitCriterion { Name = name, Description = description, Weight = item.Weight, Position = i });
                }
            }
            var removed = tracked.Where(c => !kept.Contains(c.Id)).Select(c => c.Id).ToHashSet();
            await db.SaveChangesAsync(ct);

            if (weightsChanged || removed.Count > 0) await Rescoring.EveryAccountAsync(db, removed, ct);
            if (removed.Count > 0)
            {
                // Their ratings went with the re-scoring (each with its history line); now the criteria themselves.
                db.FitCriteria.RemoveRange(await db.FitCriteria.Where(c => removed.Contains(c.Id)).ToListAsync(ct));
                await db.SaveChangesAsync(ct);
            }
            if (own is not null) await own.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return FitCriteria.List(await FitCriteria.ReadAsync(db, ct));
        }
    }

    /// <summary>Admins and users whose role is manager keep the team's criteria.</summary>
    public static bool MayKeep(AppDbContext db) => db.CallerIsAdmin || db.Caller.Role == Role.Manager;

    private static Validation Validate(Command command, HashSet<Guid> known)
    {
        var validation = new Validation();
        var items = command.Criteria;
        if (items is null || items.Count == 0) return validation.Add("criteria", Messages.Format("Fit.CriteriaRequired"));
        if (items.Count > FitCriterion.MaxCount) return validation.Add("criteria", Messages.Format("TooMany", FitCriterion.MaxCount));
        var ids = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null) { validation.Add($"criteria[{i}]", Messages.Format("Required")); continue; }
            validation.Required($"criteria[{i}].name", item.Name, FitCriterion.NameMaxLength);
            validation.MaxLength($"criteria[{i}].description", item.Description, FitCriterion.DescriptionMaxLength);
            if (item.Weight is < FitCriterion.MinWeight or > FitCriterion.MaxWeight)
                validation.Add($"criteria[{i}].weight", Messages.Format("Fit.WeightRange", FitCriterion.MinWeight, FitCriterion.MaxWeight));
            if (item.Id is not { } id) continue;
            if (!known.Contains(id)) validation.Add($"criteria[{i}].id", Messages.Format("ReferenceMissing", Messages.Format("Entity.fitCriterion"), id));
            else if (!ids.Add(id)) validation.Add($"criteria[{i}].id", Messages.Format("Fit.DuplicateCriterion"));
        }
        return validation;
    }
}
