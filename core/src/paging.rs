//! Auto-pagination of lead search as a state machine: it hands out page requests, learns from
//! each answer where the results end, and says when to stop. The caller does the fetching.
//!
//! - Every request it hands out starts at a new offset, so no page is fetched twice, however
//!   the calls to [`Pager::next_step`] and [`Pager::record`] interleave.
//! - When the service reports a `total`, that is where the results end: a short or empty page
//!   before it does not stop the walk (leads can disappear between pages).
//! - Without a `total` (the documented answer shape), the first page shorter than the limit
//!   marks the end.
//! - The service refuses offsets past [`OFFSET_CAP`]. Rather than end quietly with part of the
//!   results, a walk that still has leads to read there fails with [`OffsetCapReached`].

use core::fmt;

use crate::text::text;

/// The largest offset lead search accepts. Past it, callers must narrow the query (for
/// example split it by date range).
pub const OFFSET_CAP: u64 = 50_000;

/// Page size when the search params give no `limit`: few round trips, modest answers.
pub const DEFAULT_PAGE_SIZE: u64 = 500;

/// One page to fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRequest {
    pub offset: u64,
    pub limit: u64,
}

/// What the walk needs next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Fetch this page.
    Fetch(PageRequest),
    /// Pages still on their way decide whether there is more: record them, then ask again.
    Wait,
    /// Every matching lead has been handed out.
    Done,
}

/// The walk would have to pass the service's offset cap to read the remaining leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OffsetCapReached {
    /// Where the next page would start.
    pub offset: u64,
    /// The matching leads the service reported, if it did.
    pub total: Option<u64>,
}

impl OffsetCapReached {
    /// What went wrong and what to do, for a person. Built without `core::fmt`.
    pub fn message(&self) -> String {
        let mut message = text!(
            "lead search cannot read past offset ",
            OFFSET_CAP,
            ": the next page starts at ",
            self.offset
        );
        if let Some(total) = self.total {
            message.push_str(&text!(" of ", total, " matching leads"));
        }
        message.push_str("; narrow the filters (for example by date range) to read the rest");
        message
    }
}

impl fmt::Display for OffsetCapReached {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for OffsetCapReached {}

/// The state of one walk through the search results.
#[derive(Clone, Debug)]
pub struct Pager {
    limit: u64,
    next_offset: u64,
    /// Pages handed out and not recorded yet.
    in_flight: u32,
    /// The latest `total` the service reported.
    total: Option<u64>,
    /// Without a `total`: where the first short page ended.
    short_end: Option<u64>,
    done: bool,
}

impl Pager {
    /// A walk from `offset` in pages of `limit` leads (at least one).
    pub fn new(offset: u64, limit: u64) -> Self {
        Pager {
            limit: limit.max(1),
            next_offset: offset,
            in_flight: 0,
            total: None,
            short_end: None,
            done: false,
        }
    }

    /// The next step. Once it returns `Done` or an error, it returns `Done` for good.
    pub fn next_step(&mut self) -> Result<Next, OffsetCapReached> {
        if self.done {
            return Ok(Next::Done);
        }
        if self.end().is_some_and(|end| self.next_offset >= end) {
            self.done = true;
            return Ok(Next::Done);
        }
        if self.next_offset > OFFSET_CAP {
            // A page in flight may still show that the results end before the cap.
            if self.in_flight > 0 {
                return Ok(Next::Wait);
            }
            self.done = true;
            return Err(OffsetCapReached {
                offset: self.next_offset,
                total: self.total,
            });
        }
        let request = PageRequest {
            offset: self.next_offset,
            limit: self.limit,
        };
        self.next_offset = self.next_offset.saturating_add(self.limit);
        self.in_flight = self.in_flight.saturating_add(1);
        Ok(Next::Fetch(request))
    }

    /// Learns from the answer to `page`: it held `count` leads, and the service reported
    /// `total` matching leads (if it did).
    pub fn record(&mut self, page: PageRequest, count: u64, total: Option<u64>) {
        self.in_flight = self.in_flight.saturating_sub(1);
        match total {
            Some(total) => self.total = Some(total),
            None if count < page.limit => {
                let end = page.offset.saturating_add(count);
                self.short_end = Some(self.short_end.map_or(end, |known| known.min(end)));
            }
            None => {}
        }
    }

    /// Ends the walk after a page failed: nothing more is handed out.
    pub fn fail(&mut self) {
        self.done = true;
    }

    /// Whether the walk is over.
    pub fn is_done(&self) -> bool {
        self.done
    }

    fn end(&self) -> Option<u64> {
        self.total.or(self.short_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetch(pager: &mut Pager) -> PageRequest {
        match pager.next_step() {
            Ok(Next::Fetch(request)) => request,
            other => panic!("expected a page to fetch, got {other:?}"),
        }
    }

    fn page(offset: u64, limit: u64) -> PageRequest {
        PageRequest { offset, limit }
    }

    /// Walks a result set of `total` leads one page at a time; `shown` says how many leads
    /// the service puts on the page at an offset and what total it reports.
    fn walk(
        mut pager: Pager,
        shown: impl Fn(PageRequest) -> (u64, Option<u64>),
    ) -> (Vec<u64>, Result<(), OffsetCapReached>) {
        let mut offsets = Vec::new();
        loop {
            match pager.next_step() {
                Ok(Next::Fetch(request)) => {
                    offsets.push(request.offset);
                    let (count, total) = shown(request);
                    pager.record(request, count, total);
                }
                Ok(Next::Done) => return (offsets, Ok(())),
                Ok(Next::Wait) => panic!("nothing is in flight"),
                Err(err) => return (offsets, Err(err)),
            }
        }
    }

    #[test]
    fn walks_every_page_up_to_the_reported_total() {
        let (offsets, end) = walk(Pager::new(0, 100), |r| {
            (250u64.saturating_sub(r.offset).min(r.limit), Some(250))
        });
        assert_eq!(offsets, [0, 100, 200]);
        assert_eq!(end, Ok(()));
    }

    #[test]
    fn starts_at_the_given_offset() {
        let (offsets, _) = walk(Pager::new(40, 20), |r| {
            (100u64.saturating_sub(r.offset).min(r.limit), Some(100))
        });
        assert_eq!(offsets, [40, 60, 80]);
    }

    #[test]
    fn a_short_or_empty_page_before_the_total_does_not_stop_the_walk() {
        let (offsets, end) = walk(Pager::new(0, 100), |r| match r.offset {
            0 => (100, Some(400)),
            100 => (37, Some(400)),
            200 => (0, Some(400)),
            _ => (100, Some(400)),
        });
        assert_eq!(offsets, [0, 100, 200, 300]);
        assert_eq!(end, Ok(()));
    }

    #[test]
    fn without_a_total_the_first_short_page_is_the_end() {
        let (offsets, _) = walk(Pager::new(0, 10), |r| match r.offset {
            0 | 10 => (10, None),
            _ => (3, None),
        });
        assert_eq!(offsets, [0, 10, 20]);

        // A full last page needs one more (empty) page to prove the end.
        let (offsets, _) = walk(Pager::new(0, 10), |r| match r.offset {
            0 | 10 => (10, None),
            _ => (0, None),
        });
        assert_eq!(offsets, [0, 10, 20]);
    }

    #[test]
    fn the_latest_total_wins() {
        // Leads inserted while walking: the total grows, the walk follows it.
        let (offsets, _) = walk(Pager::new(0, 10), |r| match r.offset {
            0 => (10, Some(15)),
            _ => (10, Some(30)),
        });
        assert_eq!(offsets, [0, 10, 20]);
    }

    #[test]
    fn no_results_means_one_request() {
        let (offsets, end) = walk(Pager::new(0, 10), |_| (0, Some(0)));
        assert_eq!(offsets, [0]);
        assert_eq!(end, Ok(()));
    }

    #[test]
    fn interleaved_requests_never_repeat_a_page() {
        let mut pager = Pager::new(0, 50);
        let first = fetch(&mut pager);
        let second = fetch(&mut pager);
        let third = fetch(&mut pager);
        assert_eq!([first.offset, second.offset, third.offset], [0, 50, 100]);
        // The answers arrive out of order; the next request still moves on.
        pager.record(third, 50, Some(1_000));
        pager.record(first, 50, Some(1_000));
        assert_eq!(fetch(&mut pager), page(150, 50));
        pager.record(second, 50, Some(1_000));
        assert_eq!(fetch(&mut pager), page(200, 50));
    }

    #[test]
    fn requests_already_out_past_the_end_are_harmless() {
        let mut pager = Pager::new(0, 10);
        let first = fetch(&mut pager);
        let second = fetch(&mut pager);
        pager.record(first, 4, Some(4));
        pager.record(second, 0, Some(4));
        assert_eq!(pager.next_step(), Ok(Next::Done));
        assert!(pager.is_done());
    }

    #[test]
    fn passing_the_offset_cap_with_leads_left_is_an_error() {
        let (offsets, end) = walk(Pager::new(0, 10_000), |_| (10_000, Some(80_000)));
        assert_eq!(offsets, [0, 10_000, 20_000, 30_000, 40_000, 50_000]);
        assert_eq!(
            end,
            Err(OffsetCapReached {
                offset: 60_000,
                total: Some(80_000)
            })
        );

        // Without a total, full pages up to the cap mean there may be more.
        let (_, end) = walk(Pager::new(0, 2_000), |r| (r.limit, None));
        assert_eq!(
            end,
            Err(OffsetCapReached {
                offset: 52_000,
                total: None
            })
        );
    }

    #[test]
    fn ending_exactly_at_the_cap_is_not_an_error() {
        let (offsets, end) = walk(Pager::new(0, 10_000), |r| {
            (
                60_000u64.saturating_sub(r.offset).min(r.limit),
                Some(60_000),
            )
        });
        assert_eq!(offsets.last(), Some(&50_000));
        assert_eq!(end, Ok(()));
    }

    #[test]
    fn the_cap_waits_for_pages_in_flight() {
        let mut pager = Pager::new(40_000, 10_000);
        let a = fetch(&mut pager);
        let b = fetch(&mut pager);
        assert_eq!(b, page(50_000, 10_000));
        // Offset 60,000 would pass the cap, but `b` may still show the results end sooner.
        assert_eq!(pager.next_step(), Ok(Next::Wait));
        pager.record(a, 10_000, None);
        assert_eq!(pager.next_step(), Ok(Next::Wait));
        pager.record(b, 1_234, None);
        assert_eq!(pager.next_step(), Ok(Next::Done));
    }

    #[test]
    fn after_the_error_or_a_failure_the_walk_is_over() {
        let mut pager = Pager::new(60_000, 10);
        assert!(pager.next_step().is_err());
        assert_eq!(pager.next_step(), Ok(Next::Done));

        let mut pager = Pager::new(0, 10);
        let first = fetch(&mut pager);
        pager.fail();
        pager.record(first, 10, Some(100));
        assert_eq!(pager.next_step(), Ok(Next::Done));
    }

    #[test]
    fn a_zero_limit_still_moves_forward() {
        let mut pager = Pager::new(0, 0);
        assert_eq!(fetch(&mut pager), page(0, 1));
        assert_eq!(fetch(&mut pager), page(1, 1));
    }

    #[test]
    fn the_error_says_where_and_what_to_do() {
        let text = OffsetCapReached {
            offset: 52_000,
            total: Some(80_000),
        }
        .to_string();
        assert!(text.contains("50000"), "{text}");
        assert!(text.contains("52000"), "{text}");
        assert!(text.contains("80000"), "{text}");
        assert!(text.contains("date range"), "{text}");
    }
}
