import { notFound, type NoticeColour } from '@crosscheck/core';
import { noticeDetail, noticeImages } from '../../formats/interpol-notice.js';
import { findPhoto } from '../../store/photo-repo.js';
import type { Deps } from '../deps.js';
import { publicNoticeRows, withPhotos } from './public-notice-source.js';

/** The public notice, or the same 404 as an id that never existed (a withdrawn notice leaves no trace). */
async function findNotice(deps: Deps, colour: NoticeColour, id: string) {
  const [row] = id.length <= 100 ? await publicNoticeRows(deps, colour, { id, limit: 1 }) : [];
  if (!row) throw notFound('notice');
  return withPhotos(deps, row);
}

export async function getPublicNotice(deps: Deps, colour: NoticeColour, id: string, base: string) {
  return noticeDetail(base, colour, await findNotice(deps, colour, id));
}

export async function listPublicNoticeImages(deps: Deps, colour: NoticeColour, id: string, base: string) {
  return noticeImages(base, colour, await findNotice(deps, colour, id));
}

/** One photo of a public notice: only photos of notices that are public right now. */
export async function getPublicNoticeImage(deps: Deps, colour: NoticeColour, id: string, pictureId: string) {
  await findNotice(deps, colour, id);
  const photo = await findPhoto(deps.db, id, pictureId);
  if (!photo) throw notFound('image');
  return photo;
}
