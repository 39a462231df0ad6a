import { Breadcrumb } from 'antd';
import { Link, useLocation } from 'react-router';

/** What a list puts in a link's router state, so the detail page can lead back to it. */
export interface FromList {
  from: string;
  fromTitle: string;
}

/** The router state for links out of a list: this very URL, its filters and page included. */
export function useFromList(title: string): FromList {
  const location = useLocation();
  return { from: location.pathname + location.search, fromTitle: title };
}

/**
 * 首页 / the list / this item. The list is the one the reader came from, with its filters
 * (router state survives a reload), or else the page's own list unfiltered.
 */
export function Breadcrumbs({
  list,
  current,
}: {
  list: { title: string; to: string };
  current: string;
}) {
  const state = useLocation().state as Partial<FromList> | null;
  const back =
    state?.from?.startsWith('/') && state.fromTitle
      ? { title: state.fromTitle, to: state.from }
      : list;
  return (
    <Breadcrumb
      className="lx-breadcrumbs"
      data-testid="breadcrumbs"
      items={[
        { title: <Link to="/">首页</Link> },
        {
          title: (
            <Link to={back.to} data-testid="breadcrumb-list">
              {back.title}
            </Link>
          ),
        },
        { title: <span className="lx-ellipsis">{current}</span> },
      ]}
    />
  );
}
