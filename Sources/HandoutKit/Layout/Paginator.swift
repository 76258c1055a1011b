import HandoutBindings

/// Breaks a flow of boxes into pages: lines split between pages with at least two on each side,
/// headings stay with what follows, solid boxes move whole.
public struct Paginator {
    /// Fewest lines of a paragraph left alone at the foot or head of a page (no orphans or widows).
    public static let minimumLines = 2

    public var pageSize: Size
    public var body: Rect

    public init(pageSize: Size, body: Rect) {
        self.pageSize = pageSize
        self.body = body
    }

    public func paginate(_ boxes: [FlowBox]) -> [Page] {
        var pages = [Page(size: pageSize)]
        var previousSpaceAfter = 0.0

        func newPage() { pages.append(Page(size: pageSize)) }
        func place(_ box: FlowBox, lines: Range<Int>, at y: Double, height: Double) {
            var items = box.items(lines: lines, x: body.x, y: body.y + y)
            if let anchor = box.anchor, lines.lowerBound == 0 {
                items.insert(.destination(anchor, Point(x: body.x, y: body.y + y)), at: 0)
                pages[pages.count - 1].anchors.append(anchor)
            }
            let leads = box.leads(lines: lines, x: body.x, y: body.y + y)
            pages[pages.count - 1].blocks.append(PlacedBlock(tags: box.tags, leads: leads, items: items))
            pages[pages.count - 1].cursor = y + height
        }

        for (index, box) in boxes.enumerated() {
            var gap: Double { pages[pages.count - 1].isEmpty ? 0 : max(previousSpaceAfter, box.spaceBefore) }
            var top: Double { pages[pages.count - 1].cursor + gap }
            var room: Double { body.height - top }

            // Keep-with-next: start a new page unless this box and the start of what follows fit.
            if box.keepWithNext, !pages[pages.count - 1].isEmpty {
                let need = chainHeight(boxes, from: index)
                if need > room, need <= body.height { newPage() }
            }

            switch box.content {
            case .solid:
                var chosen = box
                if box.height > room, !pages[pages.count - 1].isEmpty {
                    if let fits = box.smaller.first(where: { FlowBox.height(of: $0) <= room }) {
                        chosen.content = fits
                    } else {
                        newPage()
                    }
                }
                place(chosen, lines: 0..<0, at: top, height: chosen.height)
            case let .lines(lines):
                let all = lines.shaped.lines
                // Kept whole, unless taller than a page: then it breaks like a paragraph rather
                // than run off the foot of the page (a heading of hundreds of words).
                if !box.breakable, box.height <= body.height {
                    if box.height > room, !pages[pages.count - 1].isEmpty { newPage() }
                    place(box, lines: 0..<all.count, at: top, height: box.height)
                    break
                }
                var start = 0
                while start < all.count {
                    let available = room
                    let base = all[start].top
                    var fit = 0
                    while start + fit < all.count, all[start + fit].bottom - base <= available + 0.01 { fit += 1 }
                    let remaining = all.count - start
                    if fit >= remaining {
                        place(box, lines: start..<all.count, at: top, height: all[all.count - 1].bottom - base)
                        break
                    }
                    var take = min(fit, remaining - Self.minimumLines)
                    if start == 0, take < Self.minimumLines { take = 0 }
                    if take <= 0 {
                        if pages[pages.count - 1].isEmpty {
                            take = max(fit, 1)  // a page cannot hold even this much: make progress anyway
                        } else {
                            newPage()
                            continue
                        }
                    }
                    place(box, lines: start..<start + take, at: top, height: all[start + take - 1].bottom - base)
                    start += take
                    newPage()
                }
            }
            previousSpaceAfter = box.spaceAfter
        }
        return pages
    }

    /// Height that must fit for box `index` to start here: itself, plus the lead of what it keeps with.
    private func chainHeight(_ boxes: [FlowBox], from index: Int) -> Double {
        var total = 0.0
        var i = index
        while i < boxes.count {
            let box = boxes[i]
            if i > index { total += max(boxes[i - 1].spaceAfter, box.spaceBefore) }
            guard box.keepWithNext, i + 1 < boxes.count else {
                total += i == index ? box.height : box.leadHeight
                break
            }
            total += box.height
            // Taller than a page, the chain cannot be kept together anyway: measuring on made a
            // run of thousands of headings quadratic.
            if total > body.height { break }
            i += 1
        }
        return total
    }
}
