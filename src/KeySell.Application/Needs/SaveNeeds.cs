using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Needs;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Needs;

/// <summary>
/// Saves a deal's whole needs tree at once (the outline is edited as one), guarded by the tree's own version, never
/// the deal's: a seller drawing the tree and a colleague editing the grid do not refuse each other. A node sent with
/// its <c>id</c> keeps its row; a node without one is new; a stored node not sent is removed.
/// </summary>
public static class SaveNeeds
{
    /// <summary><see cref="Layer"/>: only on a first-level node, one of finance, customers, marketing, process, management.</summary>
    public sealed record NodeInput(Guid? Id, string? Layer, string? Problem, string? Solution = null, IReadOnlyList<NodeInput>? Children = null);

    /// <summary><see cref="Version"/>: the tree's version as read, 0 for a deal without a tree.</summary>
    public sealed record Command(Guid OpportunityId, string? CurrentState, IReadOnlyList<NodeInput>? Branches, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<NeedsDetail>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == command.OpportunityId, ct)) return Versions.NotFound("opportunity", command.OpportunityId);

            var head = await db.NeedsAnalyses.FirstOrDefaultAsync(n => n.OpportunityId == command.OpportunityId, ct);
            var stored = await db.NeedNodes.Where(n => n.OpportunityId == command.OpportunityId).ToDictionaryAsync(n => n.Id, ct);

            var validation = new Validation();
            validation.MaxLength("currentState", command.CurrentState, NeedsAnalysis.TextMaxLength);
            var flat = Flatten(command.Branches ?? [], validation, stored);
            if (validation.HasErrors) return validation.ToError();

            if (head is null)
            {
                // Version 0 is "no tree yet"; anything else means the tree the caller read has since been deleted.
                if (command.Version != 0) return Error.Conflict(Messages.Format("ConcurrentSave"));
                head = db.NeedsAnalyses.Add(new NeedsAnalysis { OpportunityId = command.OpportunityId }).Entity;
            }
            else if (db.CheckVersion(head, command.Version, "needs") is { } stale) return stale;

            head.CurrentState = Texts.OrNull(command.CurrentState);
            var kept = new HashSet<Guid>();
            foreach (var (input, parentId, position, id) in flat)
            {
                var node = stored.GetValueOrDefault(id) ?? db.NeedNodes.Add(new NeedNode { Id = id, OpportunityId = command.OpportunityId }).Entity;
                kept.Add(id);
                node.ParentId = parentId;
                node.Position = position;
                node.Layer = parentId is null ? MethodIdOf(input.Layer) : null;
                node.Problem = input.Problem!.Trim();
                node.Solution = Texts.OrNull(input.Solution);
            }
            foreach (var gone in stored.Values.Where(n => !kept.Contains(n.Id))) db.NeedNodes.Remove(gone);

            db.ChangeTracker.DetectChanges();
            if (!db.ChangeTracker.HasChanges()) return await NeedsTree.LoadAsync(db, command.OpportunityId, ct);
            // The head's version guards the whole tree, so a change of any node raises it.
            if (db.Entry(head).State == EntityState.Unchanged) db.Entry(head).State = EntityState.Modified;
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return await NeedsTree.LoadAsync(db, command.OpportunityId, ct);
        }

        private static NeedLayer? MethodIdOf(string? layer) =>
            layer is not null && Domain.Common.MethodIds.TryParse<NeedLayer>(layer, out var value) ? value : null;
    }

    /// <summary>
    /// Checks the tree and lays it out depth first with each node's parent, position and row id (new ids for new
    /// nodes). Problems are reported at the node's path as sent, e.g. <c>branches[0].children[2].layer</c>.
    /// </summary>
    private static List<(NodeInput Input, Guid? ParentId, int Position, Guid Id)> Flatten(
        IReadOnlyList<NodeInput> branches, Validation validation, IReadOnlyDictionary<Guid, NeedNode> stored)
    {
        var flat = new List<(NodeInput, Guid?, int, Guid)>();
        var seen = new HashSet<Guid>();
        var count = 0;
        var pending = new Stack<(NodeInput Node, string Path, int Depth, Guid? ParentId, int Position)>();
        for (var i = branches.Count - 1; i >= 0; i--) pending.Push((branches[i], $"branches[{i}]", 1, null, i));
        while (pending.TryPop(out var item))
        {
            var (node, path, depth, parentId, position) = item;
            if (++count > NeedsAnalysis.MaxNodes)
            {
                validation.Add("branches", Messages.Format("Needs.TooManyNodes", NeedsAnalysis.MaxNodes));
                break;
            }
            if (node is null)
            {
                validation.Add(path, Messages.Format("Required"));
                continue;
            }
            if (depth > NeedsAnalysis.MaxDepth)
            {
                // Reported once at the first node too deep; what hangs below it is not walked.
                validation.Add(path, Messages.Format("Needs.TooDeep", NeedsAnalysis.MaxDepth));
                continue;
            }
            validation.Required(path + ".problem", node.Problem, NeedsAnalysis.TextMaxLength);
            validation.MaxLength(path + ".solution", node.Solution, NeedsAnalysis.TextMaxLength);
            if (depth == 1)
            {
                if (node.Layer is null) validation.Add(path + ".layer", Messages.Format("Required"));
                else validation.Enum<NeedLayer>(path + ".layer", node.Layer);
            }
            else if (node.Layer is not null) validation.Add(path + ".layer", Messages.Format("Needs.LayerOnlyOnBranches", node.Layer));

            var id = node.Id ?? Guid.NewGuid();
            if (node.Id is { } given)
            {
                if (!stored.ContainsKey(given)) validation.Add(path + ".id", Messages.Format("Needs.UnknownNode", given));
                else if (!seen.Add(given)) validation.Add(path + ".id", Messages.Format("Needs.DuplicateNode", given));
            }
            flat.Add((node, parentId, position, id));
            var children = node.Children ?? [];
            for (var c = children.Count - 1; c >= 0; c--) pending.Push((children[c], $"{path}.children[{c}]", depth + 1, id, c));
        }
        return flat;
    }
}
