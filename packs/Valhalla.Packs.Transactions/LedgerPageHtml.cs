using System.Globalization;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>The HTML of the ledger page: quick-add first (one column, fits a phone), then filters, list and paging.</summary>
public static class LedgerPageHtml
{
    public static HtmlBuilder Render(LedgerView view)
    {
        var html = new HtmlBuilder().Element("h1", "Transactions");
        if (view.Added is not null)
        {
            html.Element("p", "Added.", ("role", "status"), ("class", "banner-ok"));
        }

        if (view.Voided is not null)
        {
            html.Element("p", "Voided.", ("role", "status"), ("class", "banner-ok"));
        }

        QuickAdd(html, view);
        Filters(html, view);
        List(html, view);
        return html;
    }

    private static void QuickAdd(HtmlBuilder html, LedgerView view)
    {
        var form = view.Form;
        html.Open("article").Element("h2", "Quick add", ("id", "quick-add-heading"))
            .Open("form", ("method", "post"), ("action", LedgerPage.FullPath + "/add"), ("aria-labelledby", "quick-add-heading"), ("id", "quick-add"))
            .FormToken(view.Context)
            .Void("input", ("type", "hidden"), ("name", "idempotency_key"), ("value", form.IdempotencyKey ?? Guid.NewGuid().ToString("N")));
        Field(html, form, "amount", "Amount", h => h.Void("input", [("id", "amount"), ("name", "amount"), ("inputmode", "decimal"), ("required", ""),
            ("autocomplete", "off"), ("placeholder", "12.50"), ("value", form.Amount), .. Invalid(form, "amount")]));
        Field(html, form, "bucket_id", "Bucket", h =>
        {
            if (view.Buckets.Count == 0)
            {
                h.Void("input", [("id", "bucket_id"), ("name", "bucket_id"), ("value", form.BucketId), ("placeholder", "bk_…"), .. Invalid(form, "bucket_id")]);
                return;
            }

            h.Open("select", [("id", "bucket_id"), ("name", "bucket_id"), .. Invalid(form, "bucket_id")]).Element("option", "(no bucket)", ("value", ""));
            foreach (var bucket in view.Buckets)
            {
                h.Element("option", $"{bucket.Name} ({bucket.BucketType})", ("value", bucket.Id), ("selected", bucket.Id == form.BucketId ? "" : null));
            }

            h.Close("select");
        });
        Field(html, form, "description", "Description", h => h.Void("input", [("id", "description"), ("name", "description"), ("value", form.Description),
            ("autocomplete", "off"), .. Invalid(form, "description")]));
        html.Open("div", ("class", "grid"));
        Field(html, form, "date", "Date", h => h.Void("input", [("id", "date"), ("name", "date"), ("type", "date"), ("required", ""),
            ("value", form.Date.Length > 0 ? form.Date : view.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), .. Invalid(form, "date")]));
        Field(html, form, "priority", "Priority", h => Select(h, "priority", ["A", "B", "C", "D"], form.Priority, Invalid(form, "priority")));
        Field(html, form, "tx_type", "Type", h => Select(h, "tx_type", [TxValues.Expense, TxValues.Income], form.TxType, Invalid(form, "tx_type")));
        html.Close("div").Element("button", "Add", ("type", "submit")).Close("form").Close("article");
    }

    private static void Filters(HtmlBuilder html, LedgerView view)
    {
        var f = view.Filters;
        html.Open("details", ("open", (f.TxType ?? f.Status ?? f.BucketId ?? f.Month) is null ? null : "")).Element("summary", "Filters")
            .Open("form", ("method", "get"), ("action", LedgerPage.FullPath), ("class", "grid"), ("aria-label", "Filters"));
        Labelled(html, "filter-type", "Type", h => Select(h, "tx_type", ["", TxValues.Expense, TxValues.Income], f.TxType ?? "", [], "filter-type"));
        Labelled(html, "filter-status", "Status", h => Select(h, "status", ["", TxValues.PostedStatus, TxValues.VoidStatus], f.Status ?? "", [], "filter-status"));
        Labelled(html, "filter-bucket", "Bucket", h =>
        {
            h.Open("select", ("id", "filter-bucket"), ("name", "bucket_id")).Element("option", "(any)", ("value", ""));
            foreach (var bucket in view.Buckets)
            {
                h.Element("option", bucket.Name, ("value", bucket.Id), ("selected", bucket.Id == f.BucketId ? "" : null));
            }

            h.Close("select");
        });
        Labelled(html, "filter-month", "Month", h => h.Void("input", ("id", "filter-month"), ("name", "month"), ("type", "month"), ("value", f.Month)));
        html.Element("button", "Apply", ("type", "submit"), ("class", "secondary")).Close("form").Close("details");
        if (view.FilterError is not null)
        {
            html.Element("p", view.FilterError, ("role", "alert"), ("class", "field-error"));
        }
    }

    private static void List(HtmlBuilder html, LedgerView view)
    {
        if (view.Page is not { } page)
        {
            return;
        }

        if (page.Items.Count == 0)
        {
            html.Element("p", "No transactions match.");
            return;
        }

        var names = view.Buckets.ToDictionary(b => b.Id, b => b.Name);
        html.Open("div", ("class", "table-scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", "Transactions")).Open("table", ("class", "striped")).Element("caption", $"{page.Total} transactions")
            .Open("thead").Open("tr");
        foreach (var heading in (string[])["Date", "Description", "Bucket", "Type", "Priority", "Amount", "Status", "Void"])
        {
            html.Element("th", heading, ("scope", "col"), ("class", heading == "Amount" ? "num" : null));
        }

        html.Close("tr").Close("thead").Open("tbody");
        var token = new HtmlBuilder().FormToken(view.Context);
        foreach (var tx in page.Items)
        {
            html.Open("tr", ("data-tx-id", tx.Id), ("data-status", tx.Status))
                .Element("td", tx.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Element("td", tx.Description)
                .Element("td", tx.BucketId is null ? "" : names.GetValueOrDefault(tx.BucketId, tx.BucketId))
                .Element("td", tx.TxType).Element("td", tx.Priority)
                .Element("td", (tx.TxType == TxValues.Expense ? "−" : "+") + tx.Amount, ("class", "num"))
                .Element("td", tx.Status == TxValues.VoidStatus ? $"void: {tx.VoidReason}" : tx.Status).Open("td");
            if (tx.Status == TxValues.PostedStatus)
            {
                VoidForm(html, view, token, tx);
            }

            html.Close("td").Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
        Pager(html, view, page);
    }

    private static void VoidForm(HtmlBuilder html, LedgerView view, HtmlBuilder token, Transaction tx)
    {
        var error = view.Form.VoidError is { } e && e.TxId == tx.Id ? e.Message : null;
        html.Open("form", ("method", "post"), ("action", $"{LedgerPage.FullPath}/{tx.Id}/void"), ("class", "inline-form"))
            .Append(token)
            .Void("input", ("name", "reason"), ("placeholder", "reason"), ("size", "10"), ("aria-label", $"Reason to void {tx.Description ?? tx.Id}"),
                ("aria-invalid", error is null ? null : "true"))
            .Element("button", "Void", ("type", "submit"), ("class", "secondary outline"));
        if (error is not null)
        {
            html.Element("small", error, ("class", "field-error"), ("role", "alert"));
        }

        html.Close("form");
    }

    private static void Pager(HtmlBuilder html, LedgerView view, TransactionPage page)
    {
        var f = view.Filters;
        string Link(int offset) => LedgerPage.FullPath + "?" + string.Join("&", new (string Name, string? Value)[]
            { ("tx_type", f.TxType), ("status", f.Status), ("bucket_id", f.BucketId), ("month", f.Month), ("offset", offset.ToString(CultureInfo.InvariantCulture)) }
            .Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

        html.Pager(new PageWindow(page.Offset, page.Limit, page.Items.Count, page.Total), Link);
    }

    private static void Field(HtmlBuilder html, LedgerForm form, string name, string label, Action<HtmlBuilder> input)
    {
        html.Open("div").Element("label", label, ("for", name));
        input(html);
        if (form.ErrorFor(name) is { } error)
        {
            html.Element("small", error, ("id", $"{name}-error"), ("class", "field-error"), ("role", "alert"));
        }

        html.Close("div");
    }

    private static void Labelled(HtmlBuilder html, string id, string label, Action<HtmlBuilder> input)
    {
        html.Open("div").Element("label", label, ("for", id));
        input(html);
        html.Close("div");
    }

    private static (string, string?)[] Invalid(LedgerForm form, string name) =>
        form.ErrorFor(name) is null ? [] : [("aria-invalid", "true"), ("aria-describedby", $"{name}-error")];

    private static void Select(HtmlBuilder html, string name, string[] values, string selected, (string, string?)[] extra, string? id = null)
    {
        html.Open("select", [("id", id ?? name), ("name", name), .. extra]);
        foreach (var value in values)
        {
            html.Element("option", value.Length == 0 ? "(any)" : value, ("value", value), ("selected", value == selected ? "" : null));
        }

        html.Close("select");
    }
}
